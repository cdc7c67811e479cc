package io.raftvip.health;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A check whose outcome the test sets; it can also hang, deaf to interrupts, until released. */
final class FakeCheck implements HealthCheck {

  private final String name;
  private volatile boolean healthy = true;
  private volatile String reason = "ok";
  private volatile CountDownLatch hang;
  private final AtomicInteger runs = new AtomicInteger();

  FakeCheck(String name) {
    this.name = name;
  }

  void pass() {
    healthy = true;
    reason = "ok";
  }

  void fail(String why) {
    healthy = false;
    reason = why;
  }

  /** From now on every run blocks, ignoring interrupts, until {@link #release()}. */
  void hang() {
    hang = new CountDownLatch(1);
  }

  void release() {
    CountDownLatch latch = hang;
    hang = null;
    if (latch != null) {
      latch.countDown();
    }
  }

  int runs() {
    return runs.get();
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CheckResult run(Duration timeout) {
    runs.incrementAndGet();
    CountDownLatch latch = hang;
    while (latch != null && latch.getCount() > 0) {
      try {
        latch.await();
      } catch (InterruptedException e) {
        // deaf on purpose: a check stuck in an uninterruptible call
      }
    }
    return new CheckResult(healthy, reason, Duration.ofMillis(1));
  }
}
