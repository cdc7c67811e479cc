package io.raftvip.cluster;

import io.raftvip.proto.v1.Health;
import io.raftvip.raft.MemberHealth;
import io.raftvip.raft.OwnerNote;
import java.util.function.Function;
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

  /** A note counts for the owner when it became owner after the note (clocks may differ a little). */
  private static final long NOTE_SLACK_MS = 2000;
  /**
   * ... and not much later: a hand-over completes within seconds. An owner that got the VIP later
   * by other means (a failover, the removal of the owner), with an old note naming it, is shown as
   * the Raft leader, not as moved there for that note's reason.
   */
  private static final long NOTE_WINDOW_MS = 30_000;

  private final String cluster;
  private final String nodeId;
  private volatile List<Vip> vips;
  private final long reachableMs;
  private final boolean healthGating;
  private final List<Consumer<Status.Builder>> sections = new CopyOnWriteArrayList<>();

  /**
   * @param reachableMs a member whose last answered heartbeat is younger than this counts as
   *                    reachable (the maximum election timeout)
   * @param healthGating the configuration has health checks
   */
  public StatusAssembler(String cluster, String nodeId, List<Vip> vips, long reachableMs, boolean healthGating) {
    this.cluster = cluster;
    this.nodeId = nodeId;
    this.vips = List.copyOf(vips);
    this.reachableMs = reachableMs;
    this.healthGating = healthGating;
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
        .setOwnerReason(ownerReason(o))
        .setHealthGating(healthGating)
        .addAllMembers(members(o));
    if (o.ownerSinceMillis() > 0) {
      b.setOwnerSince(timestamp(o.ownerSinceMillis()));
    }
    final boolean ownedHere = nodeId.equals(o.owner());
    for (Vip vip : vips) {
      b.addVips(VipState.newBuilder().setAddress(vip.addressText())
          .setInterface(vip.interfaceName()).setBoundHere(ownedHere));
    }
    if (o.drift() != null) {
      b.setConfigDrift(drift(o.drift()));
    }
    if (o.bindTrouble() != null) {
      b.setBindFailure(bindFailure(o.bindTrouble()));
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

  /**
   * Why the owner holds the VIP: moved there by the leader (and why), or simply the Raft leader;
   * with health gating also whether it is healthy, and when not, why it keeps the VIP anyway.
   */
  String ownerReason(Observation o) {
    if (o.owner().isEmpty()) {
      return "";
    }
    final OwnerNote note = o.note();
    final boolean moved = note != null && note.to().equals(o.owner())
        && o.ownerSinceMillis() >= note.at().toEpochMilli() - NOTE_SLACK_MS
        && o.ownerSinceMillis() <= note.at().toEpochMilli() + NOTE_WINDOW_MS;
    final String how = moved ? "moved from " + note.from() + ": " + note.reason() : "Raft leader";
    if (!healthGating) {
      return how;
    }
    final MemberHealth h = o.healthOf(o.owner());
    return how + switch (h.status()) {
      case HEALTHY -> "; " + o.owner() + " is healthy";
      case UNKNOWN -> "; " + o.owner() + "'s health is not known yet";
      case UNHEALTHY -> "; " + o.owner() + " is unhealthy (" + h.check() + ": " + h.reason() + ") and keeps the VIP:"
          + " no other member is healthy now, or within the hold-down of the last move";
    };
  }

  /** @return the members of this observation as API messages */
  public List<Member> members(Observation o) {
    return members(o.members(), o.selfLeader(), o::healthOf);
  }

  /**
   * @param selfLeader whether this node leads (only the leader knows reachability)
   * @param health each member's replicated health
   * @return the given members as API messages
   */
  public List<Member> members(List<MemberView> views, boolean selfLeader, Function<String, MemberHealth> health) {
    return views.stream().map(m -> member(m, selfLeader, health.apply(m.peer().id()))).toList();
  }

  private Member member(MemberView m, boolean selfLeader, MemberHealth health) {
    final Reachability reach = !selfLeader ? Reachability.REACHABILITY_UNKNOWN
        : m.ackAgeMs() >= 0 && m.ackAgeMs() < reachableMs
            ? Reachability.REACHABILITY_REACHABLE : Reachability.REACHABILITY_UNREACHABLE;
    final Member.Builder b = Member.newBuilder()
        .setId(m.peer().id())
        .setAddress(m.peer().address())
        .setPriority(m.peer().priority())
        .setRole(m.leader() ? Role.ROLE_LEADER : Role.ROLE_FOLLOWER)
        .setReachability(reach)
        .setLastContactMs(m.ackAgeMs())
        .setHealth(switch (health.status()) {
          case HEALTHY -> Health.HEALTH_HEALTHY;
          case UNHEALTHY -> Health.HEALTH_UNHEALTHY;
          case UNKNOWN -> Health.HEALTH_UNKNOWN;
        });
    if (health.since().toEpochMilli() > 0) {
      b.setHealthSince(timestamp(health.since().toEpochMilli()));
    }
    if (health.status() == MemberHealth.Status.UNHEALTHY) {
      b.setHealthReason(health.check() + ": " + health.reason());
    }
    return b.build();
  }

  private static io.raftvip.proto.v1.ConfigDrift drift(ConfigDrift d) {
    return io.raftvip.proto.v1.ConfigDrift.newBuilder().setConfigFile(d.configFile())
        .addAllUnlistedMembers(d.unlistedMembers()).addAllListedNonMembers(d.listedNonMembers())
        .addAllDiffering(d.differing()).setMessage(d.message()).build();
  }

  private static io.raftvip.proto.v1.BindFailure bindFailure(BindTrouble t) {
    return io.raftvip.proto.v1.BindFailure.newBuilder().setVip(t.failure().vip())
        .setInterface(t.failure().interfaceName()).setErrno(t.failure().errnoName())
        .setMessage(t.failure().message()).setSince(timestamp(t.sinceMillis())).setAttempts(t.attempts()).build();
  }

  private static Timestamp timestamp(long millis) {
    return Timestamp.newBuilder().setSeconds(millis / 1000).setNanos((int) (millis % 1000) * 1_000_000).build();
  }
}
