package io.raftvip.admin;

import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.Member;
import io.raftvip.proto.v1.Status;
import io.raftvip.proto.v1.TransferOwnershipResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * What the admin API needs from the running node. Implemented by the daemon.
 *
 * <p>Requests reach the backend already validated (ids, HOST:PORT, priority range). A refusal is
 * an {@link AdminException} carrying the gRPC code, thrown or used to complete the future
 * exceptionally (possibly wrapped in a {@link java.util.concurrent.CompletionException}). A
 * {@link io.grpc.StatusRuntimeException} (e.g. a leader's answer when forwarding) passes through.
 * Anything else is reported to the client as INTERNAL and logged as a bug. Futures are bounded by
 * the service's deadline (30 s by default); the backend's own future is never completed by it.
 */
public interface AdminBackend {

  /**
   * The status as this node sees it; must never block long (it is also called for every Watch).
   *
   * @return the local view of cluster, owner, leader, members, VIPs and quorum
   */
  Status status();

  /**
   * The current members of the Raft configuration as this node knows them.
   *
   * @return the members, never null
   */
  List<Member> members();

  /**
   * Adds a voting member. Completes with the members after the change.
   *
   * @param id a valid node id
   * @param address a valid Raft address HOST:PORT
   * @param priority leadership priority, 0..100
   * @return the members after the change, or a failure with an {@link AdminException}
   */
  CompletableFuture<List<Member>> addMember(String id, String address, int priority);

  /**
   * Removes a member. Completes with the members after the change.
   *
   * @param id a valid node id
   * @return the members after the change, or a failure with an {@link AdminException}
   */
  CompletableFuture<List<Member>> removeMember(String id);

  /**
   * Moves ownership gracefully to {@code toOrEmpty}, or to the best follower when empty.
   *
   * @param toOrEmpty a valid node id, or "" for the best follower
   * @return previous and new owner, or a failure with an {@link AdminException}
   */
  CompletableFuture<TransferOwnershipResponse> transfer(String toOrEmpty);

  /**
   * Registers a listener for events; returns a handle that unregisters. Events are delivered on the
   * backend's thread: do not block.
   *
   * <p>The handle's {@code close()} must be idempotent and callable from any thread, including from
   * inside the listener (a watcher that falls behind unsubscribes while an event is delivered).
   *
   * @param listener receives every event after registration, in order
   * @return a handle whose {@code close()} unregisters the listener
   */
  AutoCloseable subscribe(Consumer<Event> listener);
}
