package io.raftvip.vip;

import io.raftvip.net.AddressEvent;
import io.raftvip.net.AddressListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link OwnershipController} on one thread: an evaluation whenever an event arrives and
 * again when the controller asks (an owner: the moment its lease would run out, since a lease
 * ends by time alone, without any event), a kernel reconciliation every {@code reconcile}.
 */
public final class OwnershipLoop implements AddressListener, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(OwnershipLoop.class);

  private final OwnershipController controller;
  private final ScheduledExecutorService executor;
  private volatile long lastEvaluationNanos = System.nanoTime();
  private ScheduledFuture<?> nextEvaluation;

  public OwnershipLoop(OwnershipController controller, Duration reconcile) {
    this.controller = controller;
    final ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, r -> {
      Thread t = new Thread(r, "raftvip-ownership");
      t.setDaemon(true);
      t.setPriority(Thread.MAX_PRIORITY);
      return t;
    });
    ex.setRemoveOnCancelPolicy(true);
    this.executor = ex;
    executor.execute(this::evaluateAndReschedule);
    executor.scheduleWithFixedDelay(() -> guarded(OwnershipController::reconcileKernel),
        reconcile.toNanos(), reconcile.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Re-evaluates at once (a Raft event arrived). */
  public void poke() {
    runOnLoop(this::evaluateAndReschedule);
  }

  /** Runs on the loop thread only, so {@code nextEvaluation} needs no lock. */
  private void evaluateAndReschedule() {
    guarded(OwnershipController::evaluate);
    if (nextEvaluation != null) {
      nextEvaluation.cancel(false);
    }
    if (!executor.isShutdown()) {
      nextEvaluation = executor.schedule(this::evaluateAndReschedule,
          controller.nextEvaluationDelayNanos(), TimeUnit.NANOSECONDS);
    }
  }

  /**
   * Holds ownership back (reason non-null) or lifts the hold (null) and waits until the
   * controller acted on it: after a non-null hold returns, this node holds no VIP.
   */
  public CompletableFuture<OwnershipState> holdBack(String reason) {
    return CompletableFuture.supplyAsync(() -> {
      controller.holdBack(reason);
      return controller.state();
    }, executor);
  }

  /**
   * Replaces the VIPs and the announcement schedule on the loop's thread (see
   * {@link OwnershipController#replaceVips}); completes once the controller acted on them.
   */
  public CompletableFuture<OwnershipState> replaceVips(java.util.List<io.raftvip.net.Vip> vips,
                                                       AnnouncementSettings announce) {
    return CompletableFuture.supplyAsync(() -> {
      controller.replaceVips(vips, announce);
      return controller.state();
    }, executor);
  }

  /** @return the controller's state, read on its thread */
  public CompletableFuture<OwnershipState> state() {
    return CompletableFuture.supplyAsync(controller::state, executor);
  }

  /** @return nanoTime of the last completed evaluation, for health checks */
  public long lastEvaluationNanos() {
    return lastEvaluationNanos;
  }

  @Override
  public void onEvent(AddressEvent event) {
    runOnLoop(() -> guarded(c -> c.onAddressEvent(event)));
  }

  @Override
  public void onResync() {
    runOnLoop(() -> guarded(OwnershipController::reconcileKernel));
  }

  /**
   * Queues a task unless the loop is closed. Ratis still reports leadership lost while it stops,
   * after this loop is gone; such late events have nothing left to act on and are dropped.
   */
  private void runOnLoop(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException closed) {
      LOG.debug("ownership loop closed; dropping a late event");
    }
  }

  private void guarded(Consumer<OwnershipController> action) {
    try {
      action.accept(controller);
      lastEvaluationNanos = System.nanoTime();
    } catch (RuntimeException e) {
      // A periodic task that throws is cancelled for good: log and carry on instead.
      LOG.error("ownership loop: unexpected error (a bug); continuing", e);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
