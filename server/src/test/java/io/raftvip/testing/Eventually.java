package io.raftvip.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Polls a condition until it holds or a deadline passes, for integration tests that wait on the
 * kernel or on other processes. Use instead of sleeping: the test is as fast as the condition
 * and fails with a description of what was last seen.
 */
public final class Eventually {

  private Eventually() {
  }

  /**
   * Waits until {@code condition} is true, checking every 20 ms.
   *
   * @param lastSeen describes the current state for the failure message (e.g. command output)
   * @throws AssertionError when the deadline passes first
   */
  public static void until(Duration deadline, BooleanSupplier condition, Supplier<String> lastSeen) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("condition not met within " + deadline + "; last seen: " + lastSeen.get());
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting", e);
      }
    }
  }
}
