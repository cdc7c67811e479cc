package io.raftvip.health;

import java.time.Duration;
import java.util.Objects;

/**
 * The outcome of one run of one check.
 *
 * @param healthy whether the check passed
 * @param reason short and specific, e.g. {@code HTTP 200}, {@code HTTP 503}, {@code connection
 *     refused}, {@code timed out after 1000 ms}, {@code exit 2: etcd not ready}; at most
 *     {@value #MAX_REASON} characters, one line
 * @param took how long the run took
 */
public record CheckResult(boolean healthy, String reason, Duration took) {

  /** Reasons end up in log lines, status tables and Raft entries: keep them short. */
  public static final int MAX_REASON = 200;

  public CheckResult {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(took, "took");
    reason = oneLine(reason);
  }

  /** @return a passing result */
  public static CheckResult passed(String reason, Duration took) {
    return new CheckResult(true, reason, took);
  }

  /** @return a failing result */
  public static CheckResult failed(String reason, Duration took) {
    return new CheckResult(false, reason, took);
  }

  private static String oneLine(String text) {
    String line = text.replaceAll("[\\p{Cntrl}&&[^\\t]]+", " ").strip();
    return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 3) + "...";
  }
}
