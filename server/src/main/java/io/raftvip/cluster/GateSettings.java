package io.raftvip.cluster;

import io.raftvip.config.HealthConfig;
import java.time.Duration;

/**
 * How {@link HealthGate} decides and how often it looks.
 *
 * @param healthGating the configuration has health checks
 * @param preempt members of higher priority take ownership when they can
 * @param holdDown no move of the leader's own after another within this time
 * @param readinessTimeout how long to wait for a member's answer whether it may take the VIP now:
 *     it answers after its next round of checks, so at least an interval plus a check's cut-off
 * @param period how often the gate looks without being poked
 */
public record GateSettings(boolean healthGating, boolean preempt, Duration holdDown, Duration readinessTimeout,
                           Duration period) {

  /** How often the owner reconsiders preemption without health checks (with them: their interval). */
  private static final Duration PERIOD_WITHOUT_CHECKS = Duration.ofSeconds(1);
  /**
   * Beyond the two check intervals a member may take to answer whether it may take the VIP (its
   * next round starts within an interval and is cut off within another): the call itself.
   */
  private static final Duration READINESS_SLACK = Duration.ofSeconds(1);

  /**
   * @param health the configuration's health section, or null without one: then nothing gates on
   *     health, and a member of higher priority takes ownership when it can (release first), as
   *     before health checks existed
   */
  public static GateSettings of(HealthConfig health) {
    if (health == null) {
      return new GateSettings(false, true, HealthConfig.DEFAULT_HOLD_DOWN, Duration.ZERO, PERIOD_WITHOUT_CHECKS);
    }
    return new GateSettings(true, health.preempt(), health.holdDown(),
        health.interval().multipliedBy(2).plus(READINESS_SLACK), health.interval());
  }
}
