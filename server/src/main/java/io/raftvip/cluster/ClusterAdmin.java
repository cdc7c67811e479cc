package io.raftvip.cluster;

import io.grpc.Status.Code;
import io.raftvip.admin.AdminBackend;
import io.raftvip.admin.AdminException;
import io.raftvip.admin.NotLeaderException;
import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.Member;
import io.raftvip.proto.v1.Status;
import io.raftvip.proto.v1.TransferOwnershipResponse;
import io.raftvip.raft.ClusterState;
import io.raftvip.raft.MemberView;
import io.raftvip.raft.OwnerNote;
import java.time.Instant;
import io.raftvip.raft.PeerSpec;
import io.raftvip.raft.RaftNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API's view of this node: reads come from the latest observation; changes
 * (membership, transfer) are carried out only on the leader, which alone knows who is
 * reachable, and are refused elsewhere with the leader's name ({@link NotLeaderException}).
 * {@link ForwardingAdmin} sends them to the leader before it comes to that.
 */
public final class ClusterAdmin implements AdminBackend {

  private static final Logger LOG = LoggerFactory.getLogger(ClusterAdmin.class);
  /**
   * How long a membership change may take before the caller gets an error: well inside the
   * CLI's own deadline, so the error is this explanation rather than a bare DEADLINE_EXCEEDED.
   */
  static final Duration CHANGE_DEADLINE = Duration.ofSeconds(20);

  private final String nodeId;
  private final RaftNode raft;
  private final ClusterObserver observer;
  private final StatusAssembler assembler;
  private final EventStream events;
  private final OwnershipHandOver handOver;
  private final long reachableMs;

  public ClusterAdmin(String nodeId, RaftNode raft, ClusterObserver observer, StatusAssembler assembler,
                      EventStream events, OwnershipHandOver handOver, Duration reachable) {
    this.nodeId = nodeId;
    this.raft = raft;
    this.observer = observer;
    this.assembler = assembler;
    this.events = events;
    this.handOver = handOver;
    this.reachableMs = reachable.toMillis();
  }

  @Override
  public Status status() {
    return assembler.status(observer.current());
  }

  @Override
  public List<Member> members() {
    return assembler.members(observer.current());
  }

  @Override
  public CompletableFuture<List<Member>> addMember(String id, String address, int priority) {
    requireLeader("add a member");
    final List<MemberView> current = raft.members();
    for (MemberView m : current) {
      if (m.peer().id().equals(id)) {
        throw new AdminException(Code.INVALID_ARGUMENT, "member '" + id + "' already exists");
      }
      if (m.peer().address().equals(address)) {
        throw new AdminException(Code.INVALID_ARGUMENT,
            "address " + address + " is already used by member '" + m.peer().id() + "'");
      }
    }
    requireNoChangeInProgress();
    final List<PeerSpec> next = new ArrayList<>(current.stream().map(MemberView::peer).toList());
    next.add(new PeerSpec(id, address, priority));
    LOG.info("{}: adding member {} at {} (priority {})", nodeId, id, address, priority);
    // The priority is raftvip's (Ratis is given equal priorities): recorded first, so the new
    // member never shows or counts with another one.
    return raft.submit(ClusterState.priorityCommand(id, priority)).thenCompose(x -> raft.setMembers(next)).orTimeout(CHANGE_DEADLINE.toSeconds(), TimeUnit.SECONDS).handle((v, e) -> {
      if (e != null) {
        throw failure("adding member " + id, e, "; the new member must be running (`raftvip run` with"
            + " the same timing), reachable from the leader at " + address + ", and catch up with the log");
      }
      return members(raft.members());
    });
  }

  @Override
  public CompletableFuture<List<Member>> removeMember(String id) {
    requireLeader("remove a member");
    final List<MemberView> current = raft.members();
    if (current.stream().noneMatch(m -> m.peer().id().equals(id))) {
      throw new AdminException(Code.INVALID_ARGUMENT, "unknown member '" + id + "'; members are "
          + current.stream().map(m -> m.peer().id()).toList());
    }
    requireNoChangeInProgress();
    final List<MemberView> remaining = current.stream().filter(m -> !m.peer().id().equals(id)).toList();
    if (remaining.isEmpty()) {
      throw new AdminException(Code.FAILED_PRECONDITION, "cannot remove the last member");
    }
    final long reachable = remaining.stream()
        .filter(m -> m.peer().id().equals(nodeId) || (m.ackAgeMs() >= 0 && m.ackAgeMs() < reachableMs)).count();
    final int majority = remaining.size() / 2 + 1;
    if (reachable < majority) {
      throw new AdminException(Code.FAILED_PRECONDITION, "refusing to remove '" + id + "': only "
          + reachable + " of the remaining " + remaining.size() + " members are reachable, fewer than the "
          + majority + " needed for a majority; bring members back first");
    }
    final List<PeerSpec> next = remaining.stream().map(MemberView::peer).toList();
    final CompletableFuture<?> first = id.equals(nodeId)
        ? handOver.transfer(bestTarget(remaining)) // the owner moves ownership away before leaving
        : CompletableFuture.completedFuture(null);
    LOG.info("{}: removing member {}", nodeId, id);
    return first.thenCompose(x -> raft.setMembers(next)).orTimeout(CHANGE_DEADLINE.toSeconds(), TimeUnit.SECONDS)
        .handle((v, e) -> {
      if (e != null) {
        throw failure("removing member " + id, e, "");
      }
      return members(raft.members());
    });
  }

  @Override
  public CompletableFuture<TransferOwnershipResponse> transfer(String toOrEmpty) {
    requireLeader("transfer ownership");
    final List<MemberView> current = raft.members();
    final String target;
    if (toOrEmpty.isEmpty()) {
      target = bestTarget(current.stream().filter(m -> !m.peer().id().equals(nodeId)).toList());
    } else if (toOrEmpty.equals(nodeId)) {
      throw new AdminException(Code.INVALID_ARGUMENT, "'" + nodeId + "' already owns the VIP");
    } else if (current.stream().noneMatch(m -> m.peer().id().equals(toOrEmpty))) {
      throw new AdminException(Code.INVALID_ARGUMENT, "unknown member '" + toOrEmpty + "'");
    } else {
      target = toOrEmpty;
    }
    // Recorded as the operator's choice first (bounded: it is for the record), so that priority
    // preemption leaves the chosen owner alone for the hold-down time instead of undoing it.
    final OwnerNote note = new OwnerNote(nodeId, target, "transfer requested", Instant.now(), true);
    return raft.submit(ClusterState.noteCommand(note)).orTimeout(1, TimeUnit.SECONDS).handle((v, e) -> null)
        .thenCompose(x -> handOver.transfer(target)).handle((v, e) -> {
      if (e != null) {
        throw failure("transfer to " + target, e, "");
      }
      return TransferOwnershipResponse.newBuilder().setOwner(target).setPreviousOwner(nodeId).build();
    });
  }

  @Override
  public AutoCloseable subscribe(Consumer<Event> listener) {
    return events.subscribe(listener);
  }

  private String bestTarget(List<MemberView> candidates) {
    return OwnershipHandOver.bestTarget(candidates, reachableMs, raft.clusterState()::health).orElseThrow(() ->
        new AdminException(Code.FAILED_PRECONDITION, "no reachable member to hand ownership to"));
  }

  private void requireLeader(String what) {
    if (!raft.snapshot().leader()) {
      final String leader = raft.snapshot().leaderId();
      if (leader.isEmpty()) {
        throw new AdminException(Code.UNAVAILABLE, "cannot " + what + ": no leader yet (no quorum?)");
      }
      throw new NotLeaderException(what, leader);
    }
  }

  private void requireNoChangeInProgress() {
    if (raft.membershipChangeInProgress()) {
      throw new AdminException(Code.FAILED_PRECONDITION, "a membership change is already in progress; retry shortly");
    }
  }

  private List<Member> members(List<MemberView> views) {
    observer.poke();
    return assembler.members(views, raft.snapshot().leader(), raft.clusterState()::health);
  }

  private static AdminException failure(String what, Throwable e, String hint) {
    Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    if (cause instanceof AdminException ae) {
      return ae;
    }
    if (cause instanceof TimeoutException) {
      return new AdminException(Code.DEADLINE_EXCEEDED, what + " did not complete within "
          + CHANGE_DEADLINE.toSeconds() + " s" + hint);
    }
    return new AdminException(Code.UNAVAILABLE, what + " failed: " + cause.getMessage() + hint);
  }
}
