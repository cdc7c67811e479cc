package io.raftvip.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WatchdogTest {

  /** Records the schedule and runs ticks only when the test says so. */
  private static final class ManualScheduler implements PeriodicScheduler {
    Duration period;
    Runnable task;
    boolean cancelled;

    @Override
    public Task every(Duration period, Runnable task) {
      this.period = period;
      this.task = task;
      return () -> cancelled = true;
    }

    void tick() {
      if (!cancelled) {
        task.run();
      }
    }
  }

  /** Counts messages instead of sending them. */
  private static final class RecordingNotifier implements SdNotifier {
    final List<String> sent = new ArrayList<>();

    @Override
    public void ready() {
      sent.add("READY=1");
    }

    @Override
    public void status(String line) {
      sent.add("STATUS=" + line);
    }

    @Override
    public void watchdog() {
      sent.add("WATCHDOG=1");
    }

    @Override
    public void stopping() {
      sent.add("STOPPING=1");
    }
  }

  private final ManualScheduler scheduler = new ManualScheduler();
  private final RecordingNotifier notifier = new RecordingNotifier();
  private final AtomicBoolean healthy = new AtomicBoolean(true);

  @Test
  void pingsOnlyWhileHealthy() {
    Watchdog watchdog = new Watchdog(notifier, healthy::get, Duration.ofSeconds(5), scheduler);

    scheduler.tick();
    assertEquals(List.of("WATCHDOG=1"), notifier.sent);

    healthy.set(false);
    scheduler.tick();
    scheduler.tick();
    assertEquals(1, notifier.sent.size(), "no ping while unhealthy");

    healthy.set(true);
    scheduler.tick();
    assertEquals(2, notifier.sent.size(), "pings resume once healthy");
    watchdog.close();
  }

  @Test
  void throwingHealthCheck_countsAsUnhealthy() {
    new Watchdog(notifier, () -> {
      throw new IllegalStateException("ratis gone");
    }, Duration.ofSeconds(5), scheduler);

    scheduler.tick();

    assertTrue(notifier.sent.isEmpty());
  }

  @Test
  void close_cancelsAndStopsPinging() {
    Watchdog watchdog = new Watchdog(notifier, healthy::get, Duration.ofSeconds(5), scheduler);

    watchdog.close();
    watchdog.tick();

    assertTrue(scheduler.cancelled);
    assertTrue(notifier.sent.isEmpty());
  }

  @Test
  void interval_isHalfOfWatchdogUsec() {
    assertEquals(Optional.of(Duration.ofSeconds(5)),
        Watchdog.pingInterval(Map.of("WATCHDOG_USEC", "10000000"), 42));
    assertEquals(Optional.of(Duration.ofSeconds(5)),
        Watchdog.pingInterval(Map.of("WATCHDOG_USEC", "10000000", "WATCHDOG_PID", "42"), 42));
  }

  @Test
  void start_usesIntervalFromEnvironment() {
    Optional<Watchdog> watchdog = Watchdog.start(
        Map.of("WATCHDOG_USEC", "4000000"), 42, notifier, () -> false);

    assertTrue(watchdog.isPresent());
    assertEquals(Duration.ofSeconds(2), watchdog.get().interval());
    watchdog.get().close();
  }

  @Test
  void disabled_whenUnsetOrMeantForAnotherPid() {
    assertFalse(Watchdog.pingInterval(Map.of(), 42).isPresent());
    assertFalse(Watchdog.pingInterval(
        Map.of("WATCHDOG_USEC", "10000000", "WATCHDOG_PID", "41"), 42).isPresent());
    assertFalse(Watchdog.start(Map.of(), 42, notifier, () -> true).isPresent());
  }

  @Test
  void malformedValues_rejectedNamingTheVariable() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Watchdog.pingInterval(Map.of("WATCHDOG_USEC", "10s"), 42));
    assertTrue(e.getMessage().startsWith("WATCHDOG_USEC='10s'"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> Watchdog.pingInterval(Map.of("WATCHDOG_USEC", "0"), 42));
    assertThrows(IllegalArgumentException.class,
        () -> Watchdog.pingInterval(Map.of("WATCHDOG_USEC", "1", "WATCHDOG_PID", "x"), 42));
  }
}
