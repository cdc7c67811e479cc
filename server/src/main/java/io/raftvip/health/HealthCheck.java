package io.raftvip.health;

import java.time.Duration;

/**
 * One local health check, run once per round. Implementations never throw and return within
 * {@code timeout} plus a few milliseconds (killing what they started when it takes longer); an
 * interrupt ends a run early, as a failure.
 */
public interface HealthCheck {

  /** @return the check's name, unique within the node's checks */
  String name();

  /**
   * Runs the check once.
   *
   * @param timeout how long the run may take; longer is a failure ({@code timed out after N ms})
   * @return the outcome, never null
   */
  CheckResult run(Duration timeout);
}
