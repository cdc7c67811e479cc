package io.raftvip.health;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one check on its own thread, one run at a time. A run that outlives the cut-off is
 * reported as timed out and interrupted; if it still does not return (a check stuck in an
 * uninterruptible call), later rounds report it as still running instead of piling up threads.
 */
final class CheckRunner {

  private static final Logger LOG = LoggerFactory.getLogger(CheckRunner.class);

  private final String nodeId;
  private final HealthCheck check;
  private final ScheduledExecutorService timer;
  private final ExecutorService worker;
  private final AtomicBoolean busy = new AtomicBoolean();
  private volatile Stopwatch runningFor = Stopwatch.start();

  /**
   * @param nodeId for log lines
   * @param check the check to run
   * @param timer fires the cut-off
   */
  CheckRunner(String nodeId, HealthCheck check, ScheduledExecutorService timer) {
    this.nodeId = nodeId;
    this.check = check;
    this.timer = timer;
    this.worker = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "raftvip-health-check-" + check.name());
      thread.setDaemon(true);
      return thread;
    });
  }

  String name() {
    return check.name();
  }

  /**
   * Starts one run.
   *
   * @param timeout given to the check
   * @param cutOff when to stop waiting for it
   * @return completes with the check's result, or a failure at the cut-off; never exceptionally
   */
  CompletableFuture<CheckResult> start(Duration timeout, Duration cutOff) {
    if (!busy.compareAndSet(false, true)) {
      return CompletableFuture.completedFuture(CheckResult.failed("still running after "
          + runningFor.elapsed().toMillis() + " ms (it ignores its timeout)", Duration.ZERO));
    }
    runningFor = Stopwatch.start();
    CompletableFuture<CheckResult> result = new CompletableFuture<>();
    Future<?> run;
    try {
      run = worker.submit(() -> {
        CheckResult outcome;
        try {
          outcome = safeRun(timeout);
        } finally {
          busy.set(false); // before the result: whoever sees it may start the next run at once
        }
        result.complete(outcome);
      });
      Future<?> cut = timer.schedule(() -> {
        if (result.complete(CheckResult.failed(Failures.timedOut(timeout)
            + " (cut off: the check did not return)", runningFor.elapsed()))) {
          run.cancel(true);
        }
      }, cutOff.toNanos(), TimeUnit.NANOSECONDS);
      result.whenComplete((r, t) -> cut.cancel(false));
    } catch (RejectedExecutionException e) {
      busy.set(false);
      result.complete(CheckResult.failed("not run: the monitor is stopping", Duration.ZERO));
    }
    return result;
  }

  private CheckResult safeRun(Duration timeout) {
    Stopwatch watch = Stopwatch.start();
    try {
      CheckResult result = check.run(timeout);
      return result != null ? result : CheckResult.failed("no result (a bug)", watch.elapsed());
    } catch (RuntimeException e) {
      // A check must not throw; if one does, the node reads as failing and the log says why.
      LOG.warn("{}: health check {} threw (a bug)", nodeId, check.name(), e);
      return CheckResult.failed("internal error: " + e, watch.elapsed());
    }
  }

  /** Interrupts a running check (an exec check then kills its program) and takes no new runs. */
  void stop() {
    worker.shutdownNow();
  }

  /** @return whether the check's thread ended within {@code wait} */
  boolean awaitStopped(Duration wait) throws InterruptedException {
    return worker.awaitTermination(wait.toNanos(), TimeUnit.NANOSECONDS);
  }
}
