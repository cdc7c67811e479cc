package io.raftvip.daemon;

import io.raftvip.health.HealthState;
import io.raftvip.raft.MemberHealth;

/** Turns this node's health monitor's state into the form raftvip replicates. */
final class LocalHealth {

  private LocalHealth() {
  }

  static MemberHealth of(HealthState s) {
    return new MemberHealth(switch (s.status()) {
      case HEALTHY -> MemberHealth.Status.HEALTHY;
      case UNHEALTHY -> MemberHealth.Status.UNHEALTHY;
      case UNKNOWN -> MemberHealth.Status.UNKNOWN;
    }, s.since(), s.failingCheck(), s.reason());
  }
}
