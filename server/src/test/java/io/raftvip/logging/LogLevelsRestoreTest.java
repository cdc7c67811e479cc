package io.raftvip.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A logger a reloaded configuration no longer lists goes back to where it was before. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LogLevelsRestoreTest {

  private final LoggerContext context = new LoggerContext();
  private final LogLevels levels = new LogLevels(context);

  @Test
  void restore_putsBackLogbackXmlsLevel_orNone() {
    context.getLogger("org.apache.ratis").setLevel(Level.WARN); // as logback.xml sets it
    levels.apply("info", Map.of("org.apache.ratis", "debug", "io.raftvip.raft", "trace"));
    levels.apply("info", Map.of("org.apache.ratis", "error")); // a second change keeps the first original

    levels.restore(List.of("org.apache.ratis", "io.raftvip.raft", "never.set"));

    assertEquals(Level.WARN, context.getLogger("org.apache.ratis").getLevel());
    assertNull(context.getLogger("io.raftvip.raft").getLevel());
    assertNull(context.getLogger("never.set").getLevel());
  }
}
