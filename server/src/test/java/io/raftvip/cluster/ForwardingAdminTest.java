package io.raftvip.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.raftvip.admin.AdminBackend;
import io.raftvip.admin.AdminException;
import io.raftvip.admin.NotLeaderException;
import io.raftvip.liveness.PortAnswer;
import io.raftvip.proto.v1.AddMemberRequest;
import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.ListMembersResponse;
import io.raftvip.proto.v1.Member;
import io.raftvip.proto.v1.RemoveMemberRequest;
import io.raftvip.proto.v1.TransferOwnershipRequest;
import io.raftvip.proto.v1.TransferOwnershipResponse;
import io.raftvip.raft.ChangeForwarder;
import io.raftvip.raft.MemberView;
import io.raftvip.raft.PeerSpec;
import io.raftvip.raft.PeerUnreachableException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Any node takes any change: where ForwardingAdmin sends it, and what comes back. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ForwardingAdminTest {

  private static final List<MemberView> MEMBERS = List.of(
      new MemberView(new PeerSpec("n1", "10.4.0.10:7420", 0), true, -1),
      new MemberView(new PeerSpec("n2", "10.4.0.11:7420", 0), false, -1),
      new MemberView(new PeerSpec("n3", "10.4.0.12:7420", 0), false, -1));
  private static final Member N4 = Member.newBuilder().setId("n4").setAddress("10.4.0.13:7420").build();

  private final List<String> log = new ArrayList<>();
  private Route route = Route.decide("n2", false, "n1", 10, 900, MEMBERS);
  /** The answers of the members a change is forwarded to, by Raft address. */
  private final Map<String, Object> answers = new java.util.HashMap<>();
  /** What this node's own backend does with a change (a refusal to throw, or null to carry it out). */
  private RuntimeException localRefusal;
  private final Map<String, PortAnswer> ports = new java.util.HashMap<>();

  private final AdminBackend local = new AdminBackend() {
    @Override public io.raftvip.proto.v1.Status status() {
      return io.raftvip.proto.v1.Status.getDefaultInstance();
    }

    @Override public List<Member> members() {
      return List.of();
    }

    @Override public CompletableFuture<List<Member>> addMember(String id, String address, int priority) {
      log.add("here: add " + id + " " + address + " " + priority);
      if (localRefusal != null) {
        throw localRefusal;
      }
      return CompletableFuture.completedFuture(List.of(N4));
    }

    @Override public CompletableFuture<List<Member>> removeMember(String id) {
      log.add("here: remove " + id);
      return CompletableFuture.completedFuture(List.of());
    }

    @Override public CompletableFuture<TransferOwnershipResponse> transfer(String toOrEmpty) {
      log.add("here: transfer to '" + toOrEmpty + "'");
      return CompletableFuture.completedFuture(TransferOwnershipResponse.newBuilder().setOwner(toOrEmpty).build());
    }

    @Override public AutoCloseable subscribe(Consumer<Event> listener) {
      return () -> { };
    }
  };

  private final ChangeForwarder forwarder = new ChangeForwarder() {
    @Override public CompletableFuture<ListMembersResponse> addMember(String leader, AddMemberRequest request) {
      log.add("forward to " + leader + ": add " + request.getId() + " " + request.getAddress() + " "
          + request.getPriority());
      return answer(leader, ListMembersResponse.newBuilder().addMembers(N4).build());
    }

    @Override public CompletableFuture<ListMembersResponse> removeMember(String leader, RemoveMemberRequest request) {
      log.add("forward to " + leader + ": remove " + request.getId());
      return answer(leader, ListMembersResponse.getDefaultInstance());
    }

    @Override public CompletableFuture<TransferOwnershipResponse> transfer(String leader, TransferOwnershipRequest r) {
      log.add("forward to " + leader + ": transfer to '" + r.getTo() + "'");
      return answer(leader, TransferOwnershipResponse.newBuilder().setOwner(r.getTo()).setPreviousOwner("n1").build());
    }
  };

  @SuppressWarnings("unchecked")
  private <T> CompletableFuture<T> answer(String leader, T success) {
    final Object a = answers.get(leader);
    if (a instanceof Throwable t) {
      return CompletableFuture.failedFuture(t);
    }
    return CompletableFuture.completedFuture(success);
  }

  private ForwardingAdmin admin() {
    return new ForwardingAdmin("n2", local, new ForwardingAdmin.LeaderView() {
      @Override public Route route() {
        return route;
      }

      @Override public List<MemberView> members() {
        return MEMBERS;
      }
    }, forwarder, new NoLeaderReport("n2", (address, timeout) -> ports.getOrDefault(address, PortAnswer.SILENT)));
  }

  private static StatusRuntimeException notLeader(String answeredBy, String leader) {
    final Metadata trailers = new Metadata();
    trailers.put(Metadata.Key.of("raftvip-node", Metadata.ASCII_STRING_MARSHALLER), answeredBy);
    trailers.put(Metadata.Key.of(NotLeaderException.LEADER_TRAILER, Metadata.ASCII_STRING_MARSHALLER), leader);
    return Status.FAILED_PRECONDITION.withDescription("cannot add a member here: not the leader; leader is " + leader)
        .asRuntimeException(trailers);
  }

  private static Throwable failure(CompletableFuture<?> f) {
    final ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
    return e.getCause();
  }

  @Test
  void onTheLeader_changesAreCarriedOutHere() throws Exception {
    route = Route.decide("n2", true, "n2", 0, 900, MEMBERS);
    assertEquals(List.of(N4), admin().addMember("n4", "10.4.0.13:7420", 2).get());
    assertEquals(List.of("here: add n4 10.4.0.13:7420 2"), log);
  }

  @Test
  void onAFollower_everyChangeIsForwardedToTheLeader_andItsAnswerComesBack() throws Exception {
    assertEquals(List.of(N4), admin().addMember("n4", "10.4.0.13:7420", 2).get());
    admin().removeMember("n3").get();
    final TransferOwnershipResponse moved = admin().transfer("n3").get();
    assertEquals("n3", moved.getOwner());
    assertEquals("n1", moved.getPreviousOwner());
    assertEquals(List.of("forward to 10.4.0.10:7420: add n4 10.4.0.13:7420 2", "forward to 10.4.0.10:7420: remove n3",
        "forward to 10.4.0.10:7420: transfer to 'n3'"), log);
  }

  @Test
  void theLeadersRefusal_reachesTheCallerUnchanged() {
    final StatusRuntimeException refused = Status.FAILED_PRECONDITION
        .withDescription("refusing to remove 'n3': only 1 of the remaining 2 members are reachable").asRuntimeException();
    answers.put("10.4.0.10:7420", refused);
    assertEquals(refused, failure(admin().removeMember("n3")));
    assertEquals(1, log.size(), "no retry: the leader answered");
  }

  @Test
  void leadershipMovedMeanwhile_isFollowedOnce_towardTheLeaderNamed() throws Exception {
    answers.put("10.4.0.10:7420", notLeader("n1", "n3"));
    assertEquals(List.of(N4), admin().addMember("n4", "10.4.0.13:7420", 0).get());
    assertEquals(List.of("forward to 10.4.0.10:7420: add n4 10.4.0.13:7420 0",
        "forward to 10.4.0.12:7420: add n4 10.4.0.13:7420 0"), log);
  }

  @Test
  void leadershipMovedHere_isCarriedOutHere() throws Exception {
    answers.put("10.4.0.10:7420", notLeader("n1", "n2"));
    admin().addMember("n4", "10.4.0.13:7420", 0).get();
    assertEquals(List.of("forward to 10.4.0.10:7420: add n4 10.4.0.13:7420 0", "here: add n4 10.4.0.13:7420 0"), log);
  }

  @Test
  void leadershipMovedAwayFromHere_isForwardedOnce() throws Exception {
    route = Route.decide("n2", true, "n2", 0, 900, MEMBERS);
    localRefusal = new NotLeaderException("add a member", "n1");
    admin().addMember("n4", "10.4.0.13:7420", 0).get();
    assertEquals(List.of("here: add n4 10.4.0.13:7420 0", "forward to 10.4.0.10:7420: add n4 10.4.0.13:7420 0"), log);
  }

  @Test
  void forwardingIsOneHop_aSecondNotTheLeaderReachesTheCaller() {
    answers.put("10.4.0.10:7420", notLeader("n1", "n3"));
    final StatusRuntimeException second = notLeader("n3", "n1");
    answers.put("10.4.0.12:7420", second);
    assertEquals(second, failure(admin().addMember("n4", "10.4.0.13:7420", 0)));
    assertEquals(2, log.size(), log.toString());
  }

  @Test
  void anUnreachableLeader_isUnavailable() {
    answers.put("10.4.0.10:7420", new PeerUnreachableException("10.4.0.10:7420", "connection refused", false));
    final AdminException e = assertInstanceOf(AdminException.class, failure(admin().transfer("")));
    assertEquals(Status.Code.UNAVAILABLE, e.code());
    assertTrue(e.getMessage().startsWith("cannot reach the leader n1 at 10.4.0.10:7420 to transfer ownership:"),
        e.getMessage());
  }

  @Test
  void withoutALeader_unavailable_listingTheMembersThatAnswerFromHere() {
    route = Route.decide("n2", false, "", -1, 900, MEMBERS);
    ports.put("10.4.0.12:7420", PortAnswer.ACCEPTED);
    ports.put("10.4.0.10:7420", PortAnswer.REFUSED);
    final AdminException e = assertInstanceOf(AdminException.class,
        failure(admin().addMember("n4", "10.4.0.13:7420", 0)));
    assertEquals(Status.Code.UNAVAILABLE, e.code());
    assertEquals("cannot add a member: no leader: quorum lost? members reachable from here: n2 (this node), n3;"
        + " not reachable: n1 (10.4.0.10:7420 refused: raftvip not running) (no leader known to n2; a leader needs 2"
        + " of the 3 members; retry once a majority is back)", e.getMessage());
    assertEquals(List.of(), log, "nothing forwarded, nothing carried out");
  }
}
