package io.raftvip.config;

import io.raftvip.raft.RaftTiming;
import java.time.Duration;
import java.util.Objects;

/**
 * Raft and ownership timing. The loader guarantees {@code heartbeat < lease <
 * electionTimeoutMin < electionTimeoutMax}: the lease being shorter than the minimum election
 * timeout is what lets a cut-off owner release the VIP before anyone else can be elected.
 *
 * @param electionTimeoutMin Raft election timeout, lower bound
 * @param electionTimeoutMax Raft election timeout, upper bound
 * @param heartbeat how often the leader contacts followers
 * @param lease how long a majority's acknowledgement keeps the leader entitled to the VIP
 * @param vipLifetime kernel valid lifetime of the bound VIP, a backstop for a frozen owner;
 *     {@link Duration#ZERO} = off (permanent address); otherwise whole seconds
 * @param reconcile how often the controller re-checks the kernel against the desired state
 */
public record TimingConfig(Duration electionTimeoutMin, Duration electionTimeoutMax,
    Duration heartbeat, Duration lease, Duration vipLifetime, Duration reconcile) {

  public TimingConfig {
    Objects.requireNonNull(electionTimeoutMin, "electionTimeoutMin");
    Objects.requireNonNull(electionTimeoutMax, "electionTimeoutMax");
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(vipLifetime, "vipLifetime");
    Objects.requireNonNull(reconcile, "reconcile");
  }

  /** @return 100ms..200ms election timeout, 20ms heartbeat, 70ms lease, 3s lifetime, 500ms reconcile */
  public static TimingConfig defaults() {
    return new TimingConfig(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(20),
        Duration.ofMillis(70), Duration.ofSeconds(3), Duration.ofMillis(500));
  }

  /** @return the part of this timing Ratis and the leader lease run with */
  public RaftTiming raftTiming() {
    return new RaftTiming(electionTimeoutMin, electionTimeoutMax, heartbeat, lease);
  }

  /** @return true when the VIP is bound with a finite kernel lifetime */
  public boolean vipLifetimeEnabled() {
    return !vipLifetime.isZero();
  }
}
