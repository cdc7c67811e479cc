package io.raftvip.health;

import java.time.Duration;

/** Time since a start, on the monotonic clock (wall-clock jumps must not time out a check). */
final class Stopwatch {

  private final long startNanos;

  private Stopwatch(long startNanos) {
    this.startNanos = startNanos;
  }

  static Stopwatch start() {
    return new Stopwatch(System.nanoTime());
  }

  Duration elapsed() {
    return Duration.ofNanos(System.nanoTime() - startNanos);
  }

  /** @return what is left of {@code budget}; zero or negative when it is used up */
  Duration remaining(Duration budget) {
    return budget.minus(elapsed());
  }
}
