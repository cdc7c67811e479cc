package io.raftvip.cluster;

import io.raftvip.admin.AdminBackend;
import io.raftvip.liveness.TcpPortProbe;
import io.raftvip.proto.v1.AddMemberRequest;
import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.ListMembersResponse;
import io.raftvip.proto.v1.Member;
import io.raftvip.proto.v1.RemoveMemberRequest;
import io.raftvip.proto.v1.Status;
import io.raftvip.proto.v1.TransferOwnershipRequest;
import io.raftvip.proto.v1.TransferOwnershipResponse;
import io.raftvip.raft.ChangeForwarder;
import io.raftvip.raft.LeadershipSnapshot;
import io.raftvip.raft.MemberView;
import io.raftvip.raft.RaftNode;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin backend behind every node's admin API, so that an operator never needs to know who
 * leads. Reads are this node's own view. A change is carried out here when this node leads, else
 * forwarded to the leader over the Raft port (raftvip.peer.v1.Peer) and the leader's answer or
 * error passed back unchanged; without a leader it is refused as UNAVAILABLE, listing the members
 * that answer from here.
 *
 * <p>Forwarding is one hop. When the node a change was sent to (this one, or the leader it was
 * forwarded to) is not the leader any more and names another, the change is sent once more,
 * toward that one; a second refusal reaches the operator as it is.
 */
public final class ForwardingAdmin implements AdminBackend {

  private static final Logger LOG = LoggerFactory.getLogger(ForwardingAdmin.class);

  /** This node's view of who leads and who is a member: the test seam of the routing. */
  interface LeaderView {
    /** @return where a change should go now */
    Route route();

    /** @return the members as this node knows them */
    List<MemberView> members();
  }

  private final String selfId;
  private final AdminBackend local;
  private final LeaderView view;
  private final ChangeForwarder forwarder;
  private final NoLeaderReport noLeader;

  /**
   * @param local carries changes out when this node leads (and refuses them, naming the leader, when not)
   * @param stale a leader this node has not heard from for this long counts as gone
   */
  public ForwardingAdmin(String selfId, AdminBackend local, RaftNode raft, ChangeForwarder forwarder, Duration stale) {
    this(selfId, local, new LeaderView() {
      @Override public Route route() {
        final LeadershipSnapshot snap = raft.snapshot();
        return Route.decide(selfId, snap.leader(), snap.leaderId(), raft.leaderContactAgeMs(), stale.toMillis(),
            raft.members());
      }

      @Override public List<MemberView> members() {
        return raft.members();
      }
    }, forwarder, new NoLeaderReport(selfId, new TcpPortProbe()));
  }

  ForwardingAdmin(String selfId, AdminBackend local, LeaderView view, ChangeForwarder forwarder, NoLeaderReport noLeader) {
    this.selfId = selfId;
    this.local = local;
    this.view = view;
    this.forwarder = forwarder;
    this.noLeader = noLeader;
  }

  @Override
  public Status status() {
    return local.status();
  }

  @Override
  public List<Member> members() {
    return local.members();
  }

  @Override
  public AutoCloseable subscribe(Consumer<Event> listener) {
    return local.subscribe(listener);
  }

  @Override
  public CompletableFuture<List<Member>> addMember(String id, String address, int priority) {
    final AddMemberRequest request = AddMemberRequest.newBuilder().setId(id).setAddress(address)
        .setPriority(priority).build();
    return change("add a member", "AddMember " + id, here -> here.addMember(id, address, priority),
        leader -> forwarder.addMember(leader, request).thenApply(ListMembersResponse::getMembersList));
  }

  @Override
  public CompletableFuture<List<Member>> removeMember(String id) {
    final RemoveMemberRequest request = RemoveMemberRequest.newBuilder().setId(id).build();
    return change("remove a member", "RemoveMember " + id, here -> here.removeMember(id),
        leader -> forwarder.removeMember(leader, request).thenApply(ListMembersResponse::getMembersList));
  }

  @Override
  public CompletableFuture<TransferOwnershipResponse> transfer(String toOrEmpty) {
    final TransferOwnershipRequest request = TransferOwnershipRequest.newBuilder().setTo(toOrEmpty).build();
    return change("transfer ownership", "TransferOwnership" + (toOrEmpty.isEmpty() ? "" : " to " + toOrEmpty),
        here -> here.transfer(toOrEmpty), leader -> forwarder.transfer(leader, request));
  }

  /**
   * @param what the change in words, for refusals ("add a member")
   * @param rpc the change for the log ("AddMember n4")
   * @param here carries it out on this node
   * @param there forwards it to the leader at the given Raft address
   */
  private <T> CompletableFuture<T> change(String what, String rpc, Function<AdminBackend, CompletableFuture<T>> here,
                                          Function<String, CompletableFuture<T>> there) {
    final Route first = view.route();
    return attempt(what, rpc, first, here, there).exceptionallyCompose(e -> {
      final Optional<String> named = ForwardFailures.leaderNamedBy(e);
      if (first.kind() == Route.Kind.NO_LEADER || named.isEmpty() || named.get().equals(first.leader())) {
        return CompletableFuture.failedFuture(ForwardFailures.toCaller(what, first, e));
      }
      final Route second = Route.toward(selfId, named.get(), view.members());
      LOG.info("{}: {} went to {}, which is not the leader; trying once more, toward {}", selfId, rpc,
          first.leader(), named.get());
      return attempt(what, rpc, second, here, there)
          .exceptionallyCompose(again -> CompletableFuture.failedFuture(ForwardFailures.toCaller(what, second, again)));
    });
  }

  private <T> CompletableFuture<T> attempt(String what, String rpc, Route route,
                                           Function<AdminBackend, CompletableFuture<T>> here,
                                           Function<String, CompletableFuture<T>> there) {
    return switch (route.kind()) {
      case LOCAL -> started(() -> here.apply(local));
      case FORWARD -> {
        LOG.info("{}: forwarding {} to the leader {} at {}", selfId, rpc, route.leader(), route.address());
        yield started(() -> there.apply(route.address()));
      }
      case NO_LEADER -> noLeader.refusal(what, route, view.members()).thenCompose(CompletableFuture::failedFuture);
    };
  }

  /** @return the started future, or one failed with what starting it threw (refusals are thrown) */
  private static <T> CompletableFuture<T> started(Supplier<CompletableFuture<T>> start) {
    try {
      return start.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
