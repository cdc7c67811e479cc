package io.raftvip.health;

/** What the checks say about this node, after hysteresis. */
public enum HealthStatus {
  /** Not enough rounds in a row of one kind yet: just started, or flapping since the start. */
  UNKNOWN,
  /** {@code rise} passing rounds in a row (and not {@code fall} failing ones since). */
  HEALTHY,
  /** {@code fall} failing rounds in a row (and not {@code rise} passing ones since). */
  UNHEALTHY
}
