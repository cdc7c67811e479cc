package io.raftvip.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class VerdictTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final List<String> NAMES = List.of("apiserver", "etcd", "script");

  private final MutableClock clock = new MutableClock(T0);
  private final List<HealthState> reported = new ArrayList<>();
  private final List<String> observed = new ArrayList<>();
  private final Verdict verdict = new Verdict("n1", 2, 2, reported::add,
      (check, result) -> observed.add(check + "=" + result.reason()), clock);

  private static CheckResult ok() {
    return CheckResult.passed("ok", Duration.ofMillis(3));
  }

  private static CheckResult bad(String reason) {
    return CheckResult.failed(reason, Duration.ofMillis(3));
  }

  private void round(CheckResult... results) {
    clock.advance(Duration.ofSeconds(2));
    verdict.record(0, NAMES, List.of(results));
  }

  @Test
  void startsUnknown_sinceCreation() {
    assertEquals(HealthState.unknown(T0), verdict.current());
    assertEquals(List.of(), reported);
  }

  @Test
  void transitions_areReportedOnce_withTheirTime() {
    round(ok(), ok(), ok());
    assertEquals(List.of(), reported);
    round(ok(), ok(), ok());
    HealthState healthy = new HealthState(HealthStatus.HEALTHY, T0.plusSeconds(4), "", "");
    assertEquals(List.of(healthy), reported);
    round(ok(), ok(), ok());
    assertEquals(List.of(healthy), reported, "no report while nothing changes");
    assertEquals(healthy, verdict.current());
  }

  @Test
  void unhealthy_namesTheFirstFailingCheckOfTheDecidingRound_andTheOthers() {
    round(ok(), ok(), ok());
    round(ok(), ok(), ok());
    round(ok(), bad("connection refused"), ok());
    round(bad("HTTP 503"), ok(), bad("exit 2: etcd not ready"));
    HealthState unhealthy = new HealthState(HealthStatus.UNHEALTHY, T0.plusSeconds(8), "apiserver",
        "HTTP 503; also failing: script");
    assertEquals(unhealthy, reported.get(1));
    assertEquals(unhealthy, verdict.current());
    assertEquals("UNHEALTHY (apiserver: HTTP 503; also failing: script)", unhealthy.toString());
  }

  @Test
  void everyResult_isObserved_everyRound() {
    round(ok(), bad("HTTP 503"), ok());
    round(ok(), ok(), ok());
    assertEquals(List.of("apiserver=ok", "etcd=HTTP 503", "script=ok", "apiserver=ok", "etcd=ok",
        "script=ok"), observed);
  }

  @Test
  void failingListenerOrObserver_doesNotStopTheVerdict() {
    Verdict fragile = new Verdict("n1", 1, 1, state -> {
      throw new IllegalStateException("listener bug");
    }, (check, result) -> {
      throw new IllegalStateException("observer bug");
    }, clock);
    fragile.record(1, NAMES, List.of(ok(), ok(), ok()));
    assertEquals(HealthStatus.HEALTHY, fragile.current().status());
    fragile.record(2, NAMES, List.of(ok(), bad("HTTP 500"), ok()));
    assertEquals(HealthStatus.UNHEALTHY, fragile.current().status());
    assertEquals("etcd", fragile.current().failingCheck());
  }

  @Test
  void reasons_areOneShortLine() {
    CheckResult longReason = CheckResult.failed("exit 1: " + "x".repeat(500) + "\nsecond line",
        Duration.ZERO);
    assertEquals(CheckResult.MAX_REASON, longReason.reason().length());
    assertTrue(longReason.reason().endsWith("..."));
    assertEquals("HTTP 503: a b", CheckResult.failed("HTTP 503: a\r\nb\u0007", Duration.ZERO)
        .reason());
  }

  @Test
  void log_hasOneInfoLinePerTransition_andNoneForOtherRounds() {
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(HealthMonitor.class);
    appender.start();
    logger.addAppender(appender);
    try {
      round(ok(), ok(), ok());
      round(ok(), ok(), ok());
      round(ok(), ok(), ok());
      round(bad("HTTP 503"), ok(), ok());
      round(bad("HTTP 503"), ok(), ok());
      round(bad("HTTP 503"), ok(), ok());
    } finally {
      logger.detachAppender(appender);
    }
    assertEquals(List.of("n1: health UNKNOWN -> HEALTHY (2 rounds)",
            "n1: health HEALTHY -> UNHEALTHY: apiserver: HTTP 503 (2 rounds)"),
        appender.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
            .map(ILoggingEvent::getFormattedMessage).toList());
  }
}
