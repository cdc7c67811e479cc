package io.raftvip.health;

import java.time.Duration;

/**
 * A check that could not be set up at start (its CA file vanished or broke after the config was
 * checked). It fails every round with the reason, so the node reads as unhealthy and says why,
 * instead of the daemon failing to start.
 */
final class UnusableCheck implements HealthCheck {

  private final String name;
  private final String reason;

  UnusableCheck(String name, String reason) {
    this.name = name;
    this.reason = reason;
  }

  @Override
  public String name() {
    return name;
  }

  /** @return why the check cannot run */
  String reason() {
    return reason;
  }

  @Override
  public CheckResult run(Duration timeout) {
    return CheckResult.failed(reason, Duration.ZERO);
  }
}
