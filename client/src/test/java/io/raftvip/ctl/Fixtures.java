package io.raftvip.ctl;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.raftvip.proto.v1.BindFailure;
import io.raftvip.proto.v1.ConfigDrift;
import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.EventType;
import io.raftvip.proto.v1.Failover;
import io.raftvip.proto.v1.ListMembersResponse;
import io.raftvip.proto.v1.Health;
import io.raftvip.proto.v1.Member;
import io.raftvip.proto.v1.QuorumState;
import io.raftvip.proto.v1.Reachability;
import io.raftvip.proto.v1.Role;
import io.raftvip.proto.v1.Status;
import io.raftvip.proto.v1.TransferOwnershipResponse;
import io.raftvip.proto.v1.VipState;
import java.time.Instant;
import java.util.List;

/** The three-node cluster the tests (and docs/raftvipctl.md) show: allyrion owns 10.4.0.9. */
final class Fixtures {
  private Fixtures() {}

  static Timestamp at(String iso) {
    Instant instant = Instant.parse(iso);
    return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
  }

  static List<Member> memberList() {
    return List.of(
        member("allyrion", "10.4.0.10:7420", Role.ROLE_LEADER, 1, Reachability.REACHABILITY_REACHABLE, 0)
            .toBuilder().setHealth(Health.HEALTH_HEALTHY).build(),
        member("bettley", "10.4.0.11:7420", Role.ROLE_FOLLOWER, 0, Reachability.REACHABILITY_REACHABLE, 12)
            .toBuilder().setHealth(Health.HEALTH_UNHEALTHY).setHealthReason("apiserver: HTTP 503").build(),
        member("cargyll", "10.4.0.12:7420", Role.ROLE_FOLLOWER, 0, Reachability.REACHABILITY_UNREACHABLE, 4500));
  }

  static Member member(String id, String address, Role role, int priority, Reachability reachability, long lastContactMs) {
    return Member.newBuilder().setId(id).setAddress(address).setRole(role).setPriority(priority)
        .setReachability(reachability).setLastContactMs(lastContactMs).build();
  }

  static ListMembersResponse members() {
    return ListMembersResponse.newBuilder().addAllMembers(memberList()).build();
  }

  static Status status() {
    return Status.newBuilder()
        .setCluster("goldentooth-cp").setNode("allyrion").setRole(Role.ROLE_LEADER)
        .setOwner("allyrion").setOwnerSince(at("2025-06-01T12:00:00.212Z"))
        .setOwnerReason("moved from bettley: owner unhealthy (apiserver: HTTP 503); allyrion is healthy")
        .setTerm(7).setLeader("allyrion").setQuorum(QuorumState.QUORUM_OK)
        .addAllMembers(memberList())
        .addVips(VipState.newBuilder().setAddress("10.4.0.9").setInterface("end0").setBoundHere(true))
        .setLastFailover(Failover.newBuilder().setAt(at("2025-06-01T12:00:00.212Z"))
            .setFrom("bettley").setTo("allyrion").setUnowned(Duration.newBuilder().setNanos(212_000_000)))
        .build();
  }

  /** What a follower reports after losing its majority: no owner, no leader. */
  static Status quorumLost() {
    return Status.newBuilder()
        .setCluster("goldentooth-cp").setNode("bettley").setRole(Role.ROLE_CANDIDATE)
        .setTerm(9).setQuorum(QuorumState.QUORUM_LOST)
        .addMembers(member("allyrion", "10.4.0.10:7420", Role.ROLE_UNSPECIFIED, 1, Reachability.REACHABILITY_UNKNOWN, -1))
        .addMembers(member("bettley", "10.4.0.11:7420", Role.ROLE_CANDIDATE, 0, Reachability.REACHABILITY_UNKNOWN, -1))
        .addMembers(member("cargyll", "10.4.0.12:7420", Role.ROLE_UNSPECIFIED, 0, Reachability.REACHABILITY_UNKNOWN, -1))
        .addVips(VipState.newBuilder().setAddress("10.4.0.9").setInterface("end0").setBoundHere(false))
        .setLastFailover(Failover.newBuilder().setAt(at("2025-06-01T12:05:00Z")).setFrom("allyrion"))
        .build();
  }

  /** What the leader reports while it cannot bind the VIP (started without CAP_NET_ADMIN). */
  static Status bindFailing() {
    return status().toBuilder().clearOwner().clearOwnerSince().clearOwnerReason().clearLastFailover()
        .setVips(0, VipState.newBuilder().setAddress("10.4.0.9").setInterface("end0").setBoundHere(false))
        .setBindFailure(BindFailure.newBuilder().setVip("10.4.0.9").setInterface("end0").setErrno("EPERM")
            .setSince(at("2025-06-01T12:00:00.212Z")).setAttempts(61)
            .setMessage("cannot bind 10.4.0.9 on end0: EPERM (Operation not permitted): the daemon lacks"
                + " CAP_NET_ADMIN; run it as the shipped unit does (AmbientCapabilities=CAP_NET_ADMIN CAP_NET_RAW)"
                + " or as root"))
        .build();
  }

  /** What a node reports whose configuration file still lists the members before cargyll was added. */
  static Status drifted() {
    return status().toBuilder()
        .setConfigDrift(ConfigDrift.newBuilder().setConfigFile("/etc/raftvip/raftvip.yaml")
            .addUnlistedMembers("cargyll (10.4.0.12:7420)")
            .setMessage("peers in /etc/raftvip/raftvip.yaml lack cargyll (10.4.0.12:7420), a member; make them"
                + " match `raftvipctl members` (a node started afresh from this file would seed the wrong members)"))
        .build();
  }

  static TransferOwnershipResponse transfer() {
    return TransferOwnershipResponse.newBuilder().setPreviousOwner("allyrion").setOwner("bettley").build();
  }

  static List<Event> events() {
    return List.of(
        event("2025-06-01T12:00:00Z", EventType.EVENT_SNAPSHOT, "owner allyrion, leader allyrion, term 7, 3 members"),
        event("2025-06-01T12:01:30.250Z", EventType.EVENT_OWNER_CHANGED, "owner allyrion -> bettley (transfer)"),
        event("2025-06-01T12:02:00Z", EventType.EVENT_QUORUM_LOST, "2 of 3 members unreachable; no owner"));
  }

  static Event event(String iso, EventType type, String message) {
    return Event.newBuilder().setAt(at(iso)).setType(type).setMessage(message).build();
  }
}
