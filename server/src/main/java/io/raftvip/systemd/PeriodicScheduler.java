package io.raftvip.systemd;

import java.time.Duration;

/**
 * Runs a task periodically. The seam that lets {@link Watchdog} tests drive ticks by hand instead
 * of waiting for real time.
 */
interface PeriodicScheduler {

  /** A scheduled task; {@link #cancel()} stops further runs. */
  interface Task {
    /** Stops the task; a run already in progress finishes. Idempotent. */
    void cancel();
  }

  /** Runs {@code task} now and then every {@code period} until the returned task is cancelled. */
  Task every(Duration period, Runnable task);
}
