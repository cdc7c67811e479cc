package io.raftvip.health;

/**
 * Turns round outcomes into a {@link HealthStatus}, so a single slow answer moves nothing:
 *
 * <pre>
 *                 rise passing rounds in a row
 *     UNKNOWN ---------------------------------&gt; HEALTHY
 *        |                                       |    ^
 *        | fall failing rounds in a row    fall  |    | rise
 *        v                                failing|    | passing
 *    UNHEALTHY &lt;---------------------------------+    |
 *        +--------------------------------------------+
 * </pre>
 *
 * A round of the other outcome resets the count; from UNKNOWN a node that alternates faster than
 * both thresholds stays UNKNOWN. Not thread-safe: the monitor records rounds on one thread.
 */
final class Hysteresis {

  private final int fall;
  private final int rise;
  private HealthStatus status = HealthStatus.UNKNOWN;
  private int passes;
  private int failures;

  /**
   * @param fall failing rounds in a row that make the node unhealthy, at least 1
   * @param rise passing rounds in a row that make it healthy, at least 1
   */
  Hysteresis(int fall, int rise) {
    if (fall < 1 || rise < 1) {
      throw new IllegalArgumentException("fall " + fall + " and rise " + rise + " must be >= 1");
    }
    this.fall = fall;
    this.rise = rise;
  }

  /**
   * @param passed whether every check passed in the round
   * @return the new status when this round changed it, else null
   */
  HealthStatus record(boolean passed) {
    if (passed) {
      passes++;
      failures = 0;
      return moveTo(HealthStatus.HEALTHY, passes >= rise);
    }
    failures++;
    passes = 0;
    return moveTo(HealthStatus.UNHEALTHY, failures >= fall);
  }

  private HealthStatus moveTo(HealthStatus next, boolean enough) {
    if (!enough || status == next) {
      return null;
    }
    status = next;
    return next;
  }

  /** @return the current status */
  HealthStatus status() {
    return status;
  }

  /** @return how many rounds in a row had the latest round's outcome */
  int streak() {
    return Math.max(passes, failures);
  }
}
