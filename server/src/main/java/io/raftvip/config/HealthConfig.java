package io.raftvip.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Local health checks and how ownership reacts to them. Absent from {@link RaftvipConfig} (null)
 * when the file has no {@code health} section: then nothing gates ownership, as before.
 *
 * @param interval how often every check runs, 100ms..1m
 * @param timeout how long one run of one check may take; shorter than {@code interval}
 * @param fall consecutive failing rounds before the node counts as unhealthy, 1..100
 * @param rise consecutive passing rounds before the node counts as healthy, 1..100
 * @param holdDown after a health-driven move of the VIP, no other health-driven move for this
 *     long, 0..1h
 * @param preempt whether a member that becomes healthy takes the VIP from a healthy owner
 *     (release-first, by priority); false keeps the VIP where it is
 * @param checks at least one; a round passes when every check passes
 */
public record HealthConfig(Duration interval, Duration timeout, int fall, int rise,
    Duration holdDown, boolean preempt, List<CheckConfig> checks) {

  /** 2s, as OpenShift's on-prem API VIP uses: long enough for a loaded API server to answer. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
  /** Half the interval: a check that needs longer than that is itself a sign of trouble. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);
  /** Three failing rounds: about 6s before an owner's dead API server costs it the VIP. */
  public static final int DEFAULT_FALL = 3;
  /** Three passing rounds: a server that just came back must stay up a while to count. */
  public static final int DEFAULT_RISE = 3;
  /** Longer than fall x interval, so one flapping node cannot bounce the VIP back at once. */
  public static final Duration DEFAULT_HOLD_DOWN = Duration.ofSeconds(30);

  public HealthConfig {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(holdDown, "holdDown");
    checks = List.copyOf(checks);
    if (checks.isEmpty()) {
      throw new IllegalArgumentException("health needs at least one check");
    }
    if (timeout.compareTo(interval) >= 0) {
      throw new IllegalArgumentException("health timeout " + timeout + " must be shorter than"
          + " interval " + interval);
    }
    if (fall < 1 || rise < 1) {
      throw new IllegalArgumentException("fall " + fall + " and rise " + rise + " must be >= 1");
    }
  }
}
