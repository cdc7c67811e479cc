package io.raftvip.vip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
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

/** A bind that fails every second is logged once, then summarised once a minute. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BindFailureLogTest {

  private static final BindFailure EPERM = new BindFailure("10.4.0.9", "end0", "EPERM",
      "cannot bind 10.4.0.9 on end0: EPERM (Operation not permitted): " + BindFailure.CAPABILITY_FIX);
  private static final BindFailure GONE = new BindFailure("10.4.0.9", "end0", "ENODEV",
      "cannot bind 10.4.0.9 on end0: interface 'end0' not found; this host has: lo");

  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger logger = (Logger) LoggerFactory.getLogger(OwnershipController.class);
  private final BindFailureLog log = new BindFailureLog("n1");

  @BeforeEach
  void capture() {
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void release() {
    logger.detachAppender(appender);
  }

  private List<String> lines() {
    return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
  }

  private static long seconds(long s) {
    return TimeUnit.SECONDS.toNanos(s);
  }

  @Test
  void failingEverySecond_logsOneError_thenOneSummaryAMinute() {
    for (int s = 0; s <= 130; s++) {
      log.failed(seconds(s), 1, EPERM);
    }
    assertEquals(List.of(
        "ERROR n1: " + EPERM.message() + " (term 1); retrying every second, repeats are summarised once a minute",
        "ERROR n1: still failing (60 attempts in the last 60 s): " + EPERM.message(),
        "ERROR n1: still failing (60 attempts in the last 60 s): " + EPERM.message()), lines());
  }

  @Test
  void aNewCause_isLoggedInFullAtOnce() {
    log.failed(seconds(0), 1, EPERM);
    log.failed(seconds(1), 1, EPERM);
    log.failed(seconds(2), 1, GONE);
    assertEquals(2, lines().size(), lines().toString());
    assertTrue(lines().get(1).startsWith("ERROR n1: " + GONE.message() + " (term 1)"), lines().toString());
  }

  @Test
  void theBindThatEndsIt_isLoggedOnce_andTheNextFailureIsNewsAgain() {
    log.failed(seconds(0), 1, EPERM);
    log.failed(seconds(1), 1, EPERM);
    log.failed(seconds(2), 1, EPERM);
    log.bound(seconds(3));
    log.bound(seconds(4));
    log.failed(seconds(100), 2, EPERM);
    assertEquals(List.of(
        "ERROR n1: " + EPERM.message() + " (term 1); retrying every second, repeats are summarised once a minute",
        "INFO n1: bound the VIP after 3 failed attempts over 3 s",
        "ERROR n1: " + EPERM.message() + " (term 2); retrying every second, repeats are summarised once a minute"),
        lines());
    assertEquals(Level.INFO, appender.list.get(1).getLevel());
  }

  @Test
  void bindWithoutFailures_logsNothing() {
    log.bound(seconds(1));
    assertEquals(List.of(), lines());
  }
}
