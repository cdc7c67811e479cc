package io.raftvip.raft;

import io.raftvip.liveness.LeaderVerdict;
import io.raftvip.liveness.LeaderWatch;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.ratis.proto.RaftProtos.RaftPeerRole;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.RaftConfiguration;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.protocol.TermIndex;

/**
 * Reads what the liveness checks need from this node's Ratis division, without blocking: role,
 * known leader, how long it has been silent, the term, the last log entry and the members.
 */
final class DivisionReader {

  private final RaftServer.Division division;
  private final RaftPeerId self;
  private final Function<String, Integer> priority;
  private final Function<String, MemberHealth> health;

  /**
   * @param priority each member's raftvip priority (Ratis' are all equal)
   * @param health each member's replicated health
   */
  DivisionReader(RaftServer.Division division, Function<String, Integer> priority,
                 Function<String, MemberHealth> health) {
    this.division = division;
    this.self = division.getId();
    this.priority = priority;
    this.health = health;
  }

  /**
   * A follower's view of its leader at one instant.
   *
   * @param follower this node is a follower
   * @param leaderId the known leader, or empty
   * @param leaderAddress the leader's Raft address, or empty
   * @param silenceMs ms since this follower last heard from a leader (or voted)
   * @param term the current term
   * @param lastEntry the last log entry, (0, 0) when the log is empty
   */
  record FollowerView(boolean follower, String leaderId, String leaderAddress, long silenceMs, long term,
                      TermIndex lastEntry) {
  }

  RaftPeerId self() {
    return self;
  }

  RaftServer.Division division() {
    return division;
  }

  FollowerView follower() {
    final DivisionInfo info = division.getInfo();
    final boolean follower = info.getCurrentRole() == RaftPeerRole.FOLLOWER;
    final RaftPeerId leader = info.getLeaderId();
    long silence = 0;
    if (follower) {
      final var role = info.getRoleInfoProto();
      if (role.hasFollowerInfo() && role.getFollowerInfo().hasLeaderInfo()) {
        silence = role.getFollowerInfo().getLeaderInfo().getLastRpcElapsedTimeMs();
      }
    }
    String address = "";
    if (leader != null) {
      final RaftPeer peer = division.getRaftConf().getPeer(leader);
      address = peer == null || peer.getAddress() == null ? "" : peer.getAddress();
    }
    return new FollowerView(follower, leader == null ? "" : leader.toString(), address, silence,
        info.getCurrentTerm(), lastEntry());
  }

  /** @return the voter's state for a pre-vote of {@code candidateId} */
  VoterState voter(String candidateId, LeaderWatch watch, long electionTimeoutMinMs, long nowNanos) {
    final FollowerView f = follower();
    final RaftConfiguration conf = division.getRaftConf();
    final RaftPeer candidate = conf.getPeer(RaftPeerId.valueOf(candidateId));
    final boolean inConf = candidate != null
        && conf.getCurrentPeers().stream().anyMatch(p -> p.getId().equals(candidate.getId()));
    final RaftPeer me = conf.getPeer(self);
    final boolean meVoting = me != null && conf.getCurrentPeers().stream().anyMatch(p -> p.getId().equals(self));
    final LeaderVerdict verdict = f.leaderId().isEmpty() ? LeaderVerdict.LIVE
        : watch.judge(f.leaderId(), f.silenceMs(), nowNanos);
    return new VoterState(f.follower(), f.leaderId(), f.silenceMs(), verdict, electionTimeoutMinMs, inConf,
        candidate == null ? 0 : candidate.getPriority(), meVoting ? me.getPriority() : -1,
        f.lastEntry().getTerm(), f.lastEntry().getIndex());
  }

  /** @return whether the division is closing or closed (removed from the group, or stopping) */
  boolean closed() {
    return division.getInfo().getLifeCycleState().isClosingOrClosed();
  }

  /** @return the last log entry, or (0, 0) for an empty log, as Ratis compares them */
  TermIndex lastEntry() {
    final TermIndex last = division.getRaftLog().getLastEntryTermIndex();
    if (last != null) {
      return last;
    }
    final var snapshot = division.getStateMachine().getLatestSnapshot();
    return snapshot != null ? snapshot.getTermIndex() : TermIndex.valueOf(0, 0);
  }

  /** @return the voting members now, and during a membership change also the previous ones */
  RaftConfiguration conf() {
    return division.getRaftConf();
  }

  /**
   * The order in which followers step forward when the leader is gone: members whose checks
   * say healthy first (then unknown, then unhealthy), then higher priority, then by id, the leader
   * itself left out. Taking turns keeps two followers from splitting the vote by campaigning at
   * the same instant, and the new leader is then one that may keep the VIP.
   *
   * @return this node's place (0 = first), or empty when it is not a voting member
   */
  Optional<Integer> turn(String leaderId) {
    return turnOf(self, leaderId);
  }

  private int healthRank(String member) {
    return switch (health.apply(member).status()) {
      case HEALTHY -> 0;
      case UNKNOWN -> 1;
      case UNHEALTHY -> 2;
    };
  }

  /** @return {@code member}'s place in the order of {@link #turn}, or empty when it is not a voting member */
  Optional<Integer> turnOf(RaftPeerId member, String leaderId) {
    final List<RaftPeer> order = division.getRaftConf().getCurrentPeers().stream()
        .filter(p -> !p.getId().toString().equals(leaderId))
        .sorted(Comparator.comparingInt((RaftPeer p) -> healthRank(p.getId().toString()))
            .thenComparing(Comparator.comparingInt((RaftPeer p) -> priority.apply(p.getId().toString())).reversed())
            .thenComparing(p -> p.getId().toString()))
        .toList();
    for (int i = 0; i < order.size(); i++) {
      if (order.get(i).getId().equals(member)) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }
}
