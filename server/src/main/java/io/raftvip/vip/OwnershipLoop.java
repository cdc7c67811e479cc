package io.raftvip.vip;

import io.raftvip.net.AddressEvent;
import io.raftvip.net.AddressListener;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link OwnershipController} on one thread: an evaluation every few milliseconds (a
 * lease can run out between Raft events, so time alone must be able to trigger a release), a
 * kernel reconciliation every {@code reconcile}, and whatever events arrive in between.
 */
public final class OwnershipLoop implements AddressListener, AutoCloseable {

  /** How often the ownership rule is re-checked; bounds how late a lost lease is noticed. */
  public static final Duration CHECK_INTERVAL = Duration.ofMillis(5);

  private static final Logger LOG = LoggerFactory.getLogger(OwnershipLoop.class);

  private final OwnershipController controller;
  private final ScheduledExecutorService executor;
  private volatile long lastEvaluationNanos = System.nanoTime();

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
    executor.scheduleWithFixedDelay(() -> guarded(OwnershipController::evaluate),
        0, CHECK_INTERVAL.toNanos(), TimeUnit.NANOSECONDS);
    executor.scheduleWithFixedDelay(() -> guarded(OwnershipController::reconcileKernel),
        reconcile.toNanos(), reconcile.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Re-evaluates at once (a Raft event arrived). */
  public void poke() {
    executor.execute(() -> guarded(OwnershipController::evaluate));
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
    executor.execute(() -> guarded(c -> c.onAddressEvent(event)));
  }

  @Override
  public void onResync() {
    executor.execute(() -> guarded(OwnershipController::reconcileKernel));
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
