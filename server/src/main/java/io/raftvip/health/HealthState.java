package io.raftvip.health;

import java.time.Instant;
import java.util.Objects;

/**
 * A node's health as the monitor last decided it.
 *
 * @param status the verdict
 * @param since when the node entered {@code status}
 * @param failingCheck for {@link HealthStatus#UNHEALTHY}: the name of the (first) check that
 *     failed in the round that decided it; empty otherwise
 * @param reason for {@link HealthStatus#UNHEALTHY}: why it failed, e.g. {@code HTTP 503},
 *     {@code connection refused}; empty otherwise
 */
public record HealthState(HealthStatus status, Instant since, String failingCheck, String reason) {

  public HealthState {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(failingCheck, "failingCheck");
    Objects.requireNonNull(reason, "reason");
  }

  /** @return the state of a monitor that has no verdict yet */
  public static HealthState unknown(Instant since) {
    return new HealthState(HealthStatus.UNKNOWN, since, "", "");
  }

  /** @return e.g. {@code UNHEALTHY (apiserver: HTTP 503)} or {@code HEALTHY} */
  @Override
  public String toString() {
    return failingCheck.isEmpty() ? status.name()
        : status + " (" + failingCheck + ": " + reason + ")";
  }
}
