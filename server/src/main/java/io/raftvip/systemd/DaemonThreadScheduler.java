package io.raftvip.systemd;

import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A {@link PeriodicScheduler} with one daemon thread per scheduled task, so a forgotten
 * watchdog never keeps the JVM alive at shutdown.
 */
final class DaemonThreadScheduler implements PeriodicScheduler {

  private final String threadName;

  DaemonThreadScheduler(String threadName) {
    this.threadName = threadName;
  }

  @Override
  public Task every(Duration period, Runnable task) {
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
      Thread thread = new Thread(runnable, threadName);
      thread.setDaemon(true);
      return thread;
    });
    // Fixed delay rather than rate: after a stall (GC, suspended VM) we must not burst pings.
    executor.scheduleWithFixedDelay(task, 0, period.toNanos(), TimeUnit.NANOSECONDS);
    return executor::shutdownNow;
  }
}
