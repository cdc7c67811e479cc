package io.raftvip.health;

/**
 * Whether this node could take the VIP right now: its verdict is healthy <em>and</em> its latest
 * round of checks passed recently. The owner asks before it moves the VIP here, so that when every
 * API server fails at once (etcd lost its quorum) the VIP does not move to a node whose verdict
 * has simply not caught up yet.
 *
 * @param mayTakeOver whether the VIP may move here now
 * @param reason when not: why, e.g. {@code its latest checks failed (apiserver: HTTP 503)}
 */
public record Readiness(boolean mayTakeOver, String reason) {

  /** @return a node that may take the VIP */
  public static Readiness yes() {
    return new Readiness(true, "");
  }

  /** @return a node that may not, and why */
  public static Readiness no(String reason) {
    return new Readiness(false, reason);
  }
}
