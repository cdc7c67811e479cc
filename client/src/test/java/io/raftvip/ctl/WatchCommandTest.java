package io.raftvip.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WatchCommandTest {
  private CtlHarness ctl;

  @BeforeEach
  void start() throws Exception {
    ctl = new CtlHarness();
  }

  @AfterEach
  void stop() throws Exception {
    ctl.close();
  }

  @Test
  void watch_printsOneLinePerEvent_andEndsWhenServerCloses() {
    CtlHarness.Result result = ctl.run("watch");
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("""
        2025-06-01T12:00:00.000Z  SNAPSHOT         owner allyrion, leader allyrion, term 7, 3 members
        2025-06-01T12:01:30.250Z  OWNER_CHANGED    owner allyrion -> bettley (transfer)
        2025-06-01T12:02:00.000Z  QUORUM_LOST      2 of 3 members unreachable; no owner
        """, result.out());
  }

  @Test
  void watch_json_printsJsonLines() {
    CtlHarness.Result result = ctl.run("watch", "-o", "json");
    assertEquals(0, result.exitCode(), result.err());
    String[] lines = result.out().split("\n");
    assertEquals(3, lines.length, result.out());
    // JsonFormat escapes '>' HTML-safe, as a \\u escape; any JSON parser reads it back as '>'.
    assertEquals("{\"at\":\"2025-06-01T12:01:30.250Z\",\"type\":\"EVENT_OWNER_CHANGED\","
        + "\"message\":\"owner allyrion -\\u003e bettley (transfer)\"}", lines[1]);
  }

  @Test
  void watch_streamBrokenByServer_printsEventsThenExits4() {
    ctl.admin.failure = Status.UNAVAILABLE.withDescription("node shutting down");
    CtlHarness.Result result = ctl.run("watch");
    assertEquals(4, result.exitCode());
    assertEquals(3, result.out().split("\n").length, result.out());
    assertEquals("raftvipctl: node shutting down (UNAVAILABLE)\n", result.err());
  }

  @Test
  void watch_ignoresTimeout() {
    ctl.admin.failure = null;
    CtlHarness.Result result = ctl.run("--timeout", "1ms", "watch");
    assertTrue(result.exitCode() == 0, result.err());
  }
}
