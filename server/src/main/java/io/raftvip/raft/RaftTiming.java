package io.raftvip.raft;

import java.time.Duration;

/**
 * The Raft timing raftvip runs with.
 *
 * @param electionTimeoutMin Ratis rpc.timeout.min: how long followers wait for a leader that is
 *     silent but whose node still answers (the stall tolerance)
 * @param electionTimeoutMax Ratis rpc.timeout.max; a leader without majority contact for this
 *     long steps down
 * @param heartbeat how often the leader heartbeats each follower
 * @param lease how long a majority acknowledgement keeps the leader lease; shorter than
 *     {@link #earliestElection()}
 * @param deadLeaderTimeout silence after which a follower whose leader's node or process is
 *     verifiably gone may elect another; zero = off
 * @param probeTimeout how long a connection attempt to a silent leader's Raft port may take
 */
public record RaftTiming(Duration electionTimeoutMin, Duration electionTimeoutMax,
                         Duration heartbeat, Duration lease, Duration deadLeaderTimeout,
                         Duration probeTimeout) {

  public RaftTiming {
    if (lease.compareTo(earliest(electionTimeoutMin, deadLeaderTimeout)) >= 0) {
      throw new IllegalArgumentException("lease " + lease.toMillis()
          + "ms must be shorter than the earliest election " + earliest(electionTimeoutMin, deadLeaderTimeout).toMillis() + "ms");
    }
    if (!deadLeaderTimeout.isZero() && deadLeaderTimeout.compareTo(electionTimeoutMin) >= 0) {
      throw new IllegalArgumentException("dead-leader timeout " + deadLeaderTimeout.toMillis()
          + "ms must be shorter than the minimum election timeout " + electionTimeoutMin.toMillis() + "ms");
    }
  }

  /** Classic Raft timing: no dead-leader detection. */
  public static RaftTiming classic(Duration electionTimeoutMin, Duration electionTimeoutMax,
                                   Duration heartbeat, Duration lease) {
    return new RaftTiming(electionTimeoutMin, electionTimeoutMax, heartbeat, lease, Duration.ZERO,
        Duration.ofMillis(Math.max(1, heartbeat.toMillis())));
  }

  /** @return whether followers elect early once the leader is verifiably gone */
  public boolean deadLeaderDetection() {
    return !deadLeaderTimeout.isZero();
  }

  /** @return the earliest silence after which any follower may vote for another leader */
  public Duration earliestElection() {
    return earliest(electionTimeoutMin, deadLeaderTimeout);
  }

  /**
   * @return the silence after which a follower starts probing its leader's Raft port, so that
   *     the verdict is in by the dead-leader timeout
   */
  public Duration probeAfter() {
    return deadLeaderTimeout.minus(probeTimeout);
  }

  /**
   * @return the part of the timing every member must share, in a fixed form that members compare
   *     as text: "election-timeout 600ms..900ms, heartbeat 40ms, lease 100ms, dead-leader-timeout
   *     160ms, probe-timeout 80ms"
   */
  public String shared() {
    return "election-timeout " + electionTimeoutMin.toMillis() + "ms.." + electionTimeoutMax.toMillis()
        + "ms, heartbeat " + heartbeat.toMillis() + "ms, lease " + lease.toMillis() + "ms, dead-leader-timeout "
        + (deadLeaderTimeout.isZero() ? "off" : deadLeaderTimeout.toMillis() + "ms") + ", probe-timeout "
        + probeTimeout.toMillis() + "ms";
  }

  private static Duration earliest(Duration electionMin, Duration deadLeader) {
    return deadLeader.isZero() ? electionMin : deadLeader;
  }
}
