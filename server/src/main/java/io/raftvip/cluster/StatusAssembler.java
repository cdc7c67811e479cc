package io.raftvip.cluster;

import com.google.protobuf.Timestamp;
import io.raftvip.net.Vip;
import io.raftvip.proto.v1.Failover;
import io.raftvip.proto.v1.Member;
import io.raftvip.proto.v1.QuorumState;
import io.raftvip.proto.v1.Reachability;
import io.raftvip.proto.v1.Role;
import io.raftvip.proto.v1.Status;
import io.raftvip.proto.v1.VipState;
import io.raftvip.raft.MemberView;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Turns an {@link Observation} into the admin API's {@link Status} message. */
public final class StatusAssembler {

  private final String cluster;
  private final String nodeId;
  private volatile List<Vip> vips;
  private final long reachableMs;
  private final List<Consumer<Status.Builder>> sections = new CopyOnWriteArrayList<>();

  /**
   * @param reachableMs a member whose last answered heartbeat is younger than this counts as
   *                    reachable (the maximum election timeout)
   */
  public StatusAssembler(String cluster, String nodeId, List<Vip> vips, long reachableMs) {
    this.cluster = cluster;
    this.nodeId = nodeId;
    this.vips = List.copyOf(vips);
    this.reachableMs = reachableMs;
  }

  /** Shows {@code next} from now on (a reload changed the VIPs). */
  public void replaceVips(List<Vip> next) {
    vips = List.copyOf(next);
  }

  /** Lets another part of the daemon add its fields to every status (e.g. the last reload). */
  public void addSection(Consumer<Status.Builder> section) {
    sections.add(section);
  }

  /** @return the status message for this observation */
  public Status status(Observation o) {
    final Status.Builder b = Status.newBuilder()
        .setCluster(cluster)
        .setNode(nodeId)
        .setOwner(o.owner())
        .setTerm(o.term())
        .setLeader(o.leader())
        .setRole(o.selfLeader() ? Role.ROLE_LEADER : Role.ROLE_FOLLOWER)
        .setQuorum(o.quorum() ? QuorumState.QUORUM_OK : QuorumState.QUORUM_LOST)
        .addAllMembers(members(o));
    if (o.ownerSinceMillis() > 0) {
      b.setOwnerSince(timestamp(o.ownerSinceMillis()));
    }
    final boolean ownedHere = nodeId.equals(o.owner());
    for (Vip vip : vips) {
      b.addVips(VipState.newBuilder().setAddress(vip.address().getHostAddress())
          .setInterface(vip.interfaceName()).setBoundHere(ownedHere));
    }
    if (o.lastFailover() != null) {
      final FailoverRecord f = o.lastFailover();
      b.setLastFailover(Failover.newBuilder().setAt(timestamp(f.atMillis())).setFrom(f.from())
          .setTo(f.to()).setUnowned(com.google.protobuf.Duration.newBuilder()
              .setSeconds(f.unownedMs() / 1000).setNanos((int) (f.unownedMs() % 1000) * 1_000_000)));
    }
    sections.forEach(section -> section.accept(b));
    return b.build();
  }

  /** @return the members of this observation as API messages */
  public List<Member> members(Observation o) {
    return members(o.members(), o.selfLeader());
  }

  /**
   * @param selfLeader whether this node leads (only the leader knows reachability)
   * @return the given members as API messages
   */
  public List<Member> members(List<MemberView> views, boolean selfLeader) {
    return views.stream().map(m -> member(m, selfLeader)).toList();
  }

  private Member member(MemberView m, boolean selfLeader) {
    final Reachability reach = !selfLeader ? Reachability.REACHABILITY_UNKNOWN
        : m.ackAgeMs() >= 0 && m.ackAgeMs() < reachableMs
            ? Reachability.REACHABILITY_REACHABLE : Reachability.REACHABILITY_UNREACHABLE;
    return Member.newBuilder()
        .setId(m.peer().id())
        .setAddress(m.peer().address())
        .setPriority(m.peer().priority())
        .setRole(m.leader() ? Role.ROLE_LEADER : Role.ROLE_FOLLOWER)
        .setReachability(reach)
        .setLastContactMs(m.ackAgeMs())
        .build();
  }

  private static Timestamp timestamp(long millis) {
    return Timestamp.newBuilder().setSeconds(millis / 1000).setNanos((int) (millis % 1000) * 1_000_000).build();
  }
}
