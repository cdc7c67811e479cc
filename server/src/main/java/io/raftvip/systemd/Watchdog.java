package io.raftvip.systemd;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings the systemd watchdog ({@code WATCHDOG=1}) every {@code WATCHDOG_USEC / 2}, but only
 * while the daemon reports itself healthy. A daemon that is alive but stuck (Ratis stopped, the
 * reconcile loop no longer ticking) thus stops pinging, and systemd kills and restarts it after
 * {@code WatchdogSec} — which also releases the VIP through {@code ExecStopPost}.
 *
 * <p>Start it right after {@link SdNotifier#ready()}: systemd arms the watchdog when the service
 * starts, so start-up must finish within {@code WatchdogSec}. A health check that throws counts as
 * unhealthy. The transitions healthy/unhealthy are logged (WARN/INFO), not every tick.
 */
public final class Watchdog implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Watchdog.class);

  /** Microseconds after which systemd considers the service hung. */
  public static final String WATCHDOG_USEC = "WATCHDOG_USEC";
  /** When set, the pid the watchdog settings are meant for; other processes must ignore them. */
  public static final String WATCHDOG_PID = "WATCHDOG_PID";

  private final SdNotifier notifier;
  private final BooleanSupplier healthy;
  private final Duration interval;
  private final PeriodicScheduler.Task task;
  private volatile boolean wasHealthy = true;
  private volatile boolean closed;

  Watchdog(SdNotifier notifier, BooleanSupplier healthy, Duration interval,
      PeriodicScheduler scheduler) {
    this.notifier = notifier;
    this.healthy = healthy;
    this.interval = interval;
    this.task = scheduler.every(interval, this::tick);
  }

  /**
   * Starts pinging on a daemon thread named {@code raftvip-watchdog} when the environment asks for
   * a watchdog; otherwise returns an empty optional and does nothing.
   *
   * @param env usually {@code System.getenv()}
   * @param ownPid usually {@code ProcessHandle.current().pid()}
   * @param notifier where pings go
   * @param healthy asked before every ping; return false to let systemd restart the daemon
   * @throws IllegalArgumentException if {@code WATCHDOG_USEC} or {@code WATCHDOG_PID} is malformed
   */
  public static Optional<Watchdog> start(Map<String, String> env, long ownPid,
      SdNotifier notifier, BooleanSupplier healthy) {
    return pingInterval(env, ownPid).map(interval -> {
      log.info("watchdog: pinging systemd every {} ms while healthy", interval.toMillis());
      return new Watchdog(notifier, healthy, interval,
          new DaemonThreadScheduler("raftvip-watchdog"));
    });
  }

  /**
   * Half of {@code WATCHDOG_USEC}, systemd's recommended ping period; empty when the variable is
   * unset or {@code WATCHDOG_PID} names another process.
   */
  static Optional<Duration> pingInterval(Map<String, String> env, long ownPid) {
    String usec = env.get(WATCHDOG_USEC);
    if (usec == null || usec.isEmpty()) {
      return Optional.empty();
    }
    String pid = env.get(WATCHDOG_PID);
    if (pid != null && !pid.isEmpty() && parsePositive(WATCHDOG_PID, pid) != ownPid) {
      log.debug("watchdog: {}={} is not our pid {}, ignoring {}", WATCHDOG_PID, pid, ownPid,
          WATCHDOG_USEC);
      return Optional.empty();
    }
    long micros = parsePositive(WATCHDOG_USEC, usec);
    return Optional.of(Duration.of(Math.max(1, micros / 2), ChronoUnit.MICROS));
  }

  private static long parsePositive(String name, String value) {
    try {
      long parsed = Long.parseLong(value);
      if (parsed > 0) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      // reported below with the rule
    }
    throw new IllegalArgumentException(
        name + "='" + value + "': must be a positive integer (set by systemd)");
  }

  /** The ping period. */
  public Duration interval() {
    return interval;
  }

  /** One period: ping if healthy. Package-private so tests can drive it. */
  void tick() {
    if (closed) {
      return;
    }
    boolean ok;
    try {
      ok = healthy.getAsBoolean();
    } catch (RuntimeException e) {
      log.warn("watchdog: health check failed, treating as unhealthy", e);
      ok = false;
    }
    if (ok) {
      notifier.watchdog();
    }
    if (ok != wasHealthy) {
      if (ok) {
        log.info("watchdog: healthy again, resuming WATCHDOG=1");
      } else {
        log.warn("watchdog: unhealthy, withholding WATCHDOG=1; systemd restarts the daemon "
            + "if this lasts {} ms", interval.toMillis() * 2);
      }
      wasHealthy = ok;
    }
  }

  /** Stops pinging. Idempotent. */
  @Override
  public void close() {
    closed = true;
    task.cancel();
  }
}
