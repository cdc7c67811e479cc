package io.raftvip.vip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LeaseLapseLogTest {

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(OwnershipController.class);
  private final LeaseLapseLog lapses = new LeaseLapseLog("n1");

  @BeforeEach
  void capture() {
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
  }

  private List<String> warnings() {
    return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
  }

  private static long seconds(long s) {
    return TimeUnit.SECONDS.toNanos(s);
  }

  @Test
  void firstLapse_isOneWarningWithItsCause() {
    assertTrue(lapses.lapsed(seconds(1), 3, "n2 acked 130 ms ago"));
    assertEquals(List.of("n1: leader lease lapsed, releasing the VIP (term 3): n2 acked 130 ms ago"), warnings());
    assertFalse(lapses.quiet());
  }

  @Test
  void repeatedLapsesWithinAMinute_areCountedAndSummarisedOnce() {
    lapses.lapsed(seconds(1), 3, "first");
    assertFalse(lapses.lapsed(seconds(2), 3, "second"));
    assertTrue(lapses.quiet());
    assertFalse(lapses.lapsed(seconds(30), 4, "third"));
    lapses.flush(seconds(60));
    assertEquals(1, warnings().size(), "nothing more inside the minute");
    lapses.flush(seconds(61));
    assertEquals(List.of("n1: leader lease lapsed, releasing the VIP (term 3): first",
        "n1: 2 more leader lease lapses in the last 60 s, each a release and re-bind; latest term 4: third"),
        warnings());
    assertTrue(lapses.lapsed(seconds(62), 4, "fourth"), "a new minute starts with a full warning");
  }

  @Test
  void aSingleLapse_needsNoSummary() {
    lapses.lapsed(seconds(1), 3, "only");
    lapses.flush(seconds(100));
    assertEquals(1, warnings().size());
  }
}
