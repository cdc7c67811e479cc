package io.raftvip.raft;

import java.time.Duration;

/**
 * The Raft timing raftvip runs with.
 *
 * @param electionTimeoutMin Ratis rpc.timeout.min: the earliest a follower starts an election
 * @param electionTimeoutMax Ratis rpc.timeout.max
 * @param heartbeat how often the leader heartbeats each follower
 * @param lease how long a majority acknowledgement keeps the leader lease; &lt; electionTimeoutMin
 */
public record RaftTiming(Duration electionTimeoutMin, Duration electionTimeoutMax,
                         Duration heartbeat, Duration lease) {

  public RaftTiming {
    if (lease.compareTo(electionTimeoutMin) >= 0) {
      throw new IllegalArgumentException("lease " + lease.toMillis()
          + "ms must be shorter than the minimum election timeout " + electionTimeoutMin.toMillis() + "ms");
    }
  }
}
