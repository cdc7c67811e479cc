package io.raftvip.config;

import io.raftvip.raft.RaftTiming;
import java.time.Duration;
import java.util.Objects;

/**
 * Raft and ownership timing. The loader guarantees {@code heartbeat < lease <
 * dead-leader-timeout < electionTimeoutMin < electionTimeoutMax}: the lease being shorter than
 * the earliest moment any other node can be elected is what lets a cut-off owner release the VIP
 * first. With the dead-leader detection off ({@code deadLeaderTimeout} zero) that moment is the
 * minimum election timeout.
 *
 * @param electionTimeoutMin how long followers wait for a leader that stopped sending but whose
 *     node still answers (a stalled process) before electing another: the stall tolerance
 * @param electionTimeoutMax upper bound of the randomised election timeout; a leader that heard
 *     from no majority for this long steps down
 * @param heartbeat how often the leader contacts followers
 * @param lease how long a majority's acknowledgement keeps the leader entitled to the VIP
 * @param deadLeaderTimeout how long followers wait for a leader whose node or process is
 *     verifiably gone (its Raft port refuses or does not answer) before electing another;
 *     {@link Duration#ZERO} = off (only the election timeout applies)
 * @param probeTimeout how long a connection attempt to the silent leader's Raft port may take
 *     before the leader counts as unreachable; also how long an owner that was itself stalled
 *     may keep the VIP while it asks a majority to confirm its term
 * @param vipLifetime kernel valid lifetime of the bound VIP, a backstop for a frozen owner;
 *     {@link Duration#ZERO} = off (permanent address); otherwise whole seconds
 * @param reconcile how often the controller re-checks the kernel against the desired state
 */
public record TimingConfig(Duration electionTimeoutMin, Duration electionTimeoutMax,
    Duration heartbeat, Duration lease, Duration deadLeaderTimeout, Duration probeTimeout,
    Duration vipLifetime, Duration reconcile) {

  public TimingConfig {
    Objects.requireNonNull(electionTimeoutMin, "electionTimeoutMin");
    Objects.requireNonNull(electionTimeoutMax, "electionTimeoutMax");
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(deadLeaderTimeout, "deadLeaderTimeout");
    Objects.requireNonNull(probeTimeout, "probeTimeout");
    Objects.requireNonNull(vipLifetime, "vipLifetime");
    Objects.requireNonNull(reconcile, "reconcile");
  }

  /**
   * @return 600ms..900ms election timeout, 40ms heartbeat, 100ms lease, 160ms dead-leader
   *     timeout, 80ms probe timeout, 3s lifetime, 500ms reconcile
   */
  public static TimingConfig defaults() {
    return new TimingConfig(Duration.ofMillis(600), Duration.ofMillis(900), Duration.ofMillis(40),
        Duration.ofMillis(100), Duration.ofMillis(160), Duration.ofMillis(80), Duration.ofSeconds(3),
        Duration.ofMillis(500));
  }

  /** @return the part of this timing Ratis, the leader lease and the liveness checks run with */
  public RaftTiming raftTiming() {
    return new RaftTiming(electionTimeoutMin, electionTimeoutMax, heartbeat, lease, deadLeaderTimeout,
        probeTimeout);
  }

  /** @return true when followers elect early once the leader's node or process is verifiably gone */
  public boolean deadLeaderDetection() {
    return !deadLeaderTimeout.isZero();
  }

  /**
   * @return the earliest silence after which any follower may vote for another leader: the
   *     dead-leader timeout when that detection is on, else the minimum election timeout
   */
  public Duration earliestElection() {
    return deadLeaderDetection() ? deadLeaderTimeout : electionTimeoutMin;
  }

  /** @return true when the VIP is bound with a finite kernel lifetime */
  public boolean vipLifetimeEnabled() {
    return !vipLifetime.isZero();
  }
}
