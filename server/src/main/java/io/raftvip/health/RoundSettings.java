package io.raftvip.health;

import io.raftvip.config.HealthConfig;
import java.time.Duration;

/**
 * The part of {@link HealthConfig} that drives rounds, apart from the checks, so tests can run
 * fake checks with it.
 *
 * @param interval time between the starts of two rounds
 * @param timeout how long one run of one check may take; shorter than {@code interval}
 * @param fall failing rounds in a row before the node counts as unhealthy
 * @param rise passing rounds in a row before it counts as healthy
 */
record RoundSettings(Duration interval, Duration timeout, int fall, int rise) {

  /** Beyond its own timeout, how long a check may take before the monitor cuts it off. */
  static final Duration CUT_OFF_MARGIN = Duration.ofMillis(200);

  RoundSettings {
    if (timeout.compareTo(interval) >= 0) {
      throw new IllegalArgumentException("timeout " + timeout + " >= interval " + interval);
    }
  }

  static RoundSettings of(HealthConfig config) {
    return new RoundSettings(config.interval(), config.timeout(), config.fall(), config.rise());
  }

  /**
   * @return when the monitor stops waiting for a check that ignores its timeout: a little after
   *     the timeout, and never after the next round starts
   */
  Duration cutOff() {
    Duration slack = interval.minus(timeout);
    return timeout.plus(slack.compareTo(CUT_OFF_MARGIN) < 0 ? slack : CUT_OFF_MARGIN);
  }
}
