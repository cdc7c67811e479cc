package io.raftvip.raft;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * raftvip's own leader lease (Ratis has no public "is my lease valid" call).
 *
 * <p>The lease rests on the <em>send</em> time of the newest heartbeat each follower answered: a
 * follower that answered a heartbeat sent at time t reset its election timer after t, so no
 * other node can win an election before t + minimum election timeout. Holding the lease for
 * {@code lease < min election timeout} after the heartbeat acknowledged by a majority (this node
 * counts itself) therefore ends every lease before any successor can be elected.
 *
 * <p>During a membership change (joint consensus) the lease needs a majority of the old and of
 * the new configuration, like any Raft decision.
 */
public final class LeaderLease {

  private final long leaseMs;

  /** @param leaseMs how long an acknowledgement by a majority keeps the lease valid */
  public LeaderLease(long leaseMs) {
    this.leaseMs = leaseMs;
  }

  /**
   * @param self this node
   * @param current voting members of the current configuration
   * @param previous voting members of the previous configuration during a change, else empty
   * @param ackAgeMs per follower, ms since the send time of its newest answered heartbeat
   * @return ms the lease stays valid; zero or less when it is not valid
   */
  public long remainingMs(RaftPeerId self, Collection<RaftPeer> current, Collection<RaftPeer> previous,
                          Function<RaftPeerId, Optional<Long>> ackAgeMs) {
    long remaining = remainingFor(self, current, ackAgeMs);
    if (!previous.isEmpty()) {
      remaining = Math.min(remaining, remainingFor(self, previous, ackAgeMs));
    }
    return remaining;
  }

  private long remainingFor(RaftPeerId self, Collection<RaftPeer> voters,
                            Function<RaftPeerId, Optional<Long>> ackAgeMs) {
    final boolean selfVotes = voters.stream().anyMatch(p -> p.getId().equals(self));
    final int majority = voters.size() / 2 + 1;
    final int followerAcksNeeded = majority - (selfVotes ? 1 : 0);
    if (followerAcksNeeded <= 0) {
      return Long.MAX_VALUE; // a single-member group is its own majority
    }
    final List<Long> ages = new ArrayList<>();
    for (RaftPeer peer : voters) {
      if (!peer.getId().equals(self)) {
        ackAgeMs.apply(peer.getId()).ifPresent(ages::add);
      }
    }
    if (ages.size() < followerAcksNeeded) {
      return 0;
    }
    ages.sort(null);
    // The youngest acknowledgements that together with ours form a majority: the lease lasts
    // as long as the oldest of those is younger than the lease time.
    return leaseMs - ages.get(followerAcksNeeded - 1);
  }
}
