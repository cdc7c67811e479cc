package io.raftvip.admin;

import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.Member;
import io.raftvip.proto.v1.QuorumState;
import io.raftvip.proto.v1.Role;
import io.raftvip.proto.v1.Status;
import io.raftvip.proto.v1.TransferOwnershipResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

/** A scriptable backend: fixed answers, recorded requests, events pushed by the test. */
final class FakeAdminBackend implements AdminBackend {

  static final Member N1 = Member.newBuilder().setId("n1").setAddress("10.213.0.1:9870")
      .setRole(Role.ROLE_LEADER).setPriority(10).build();
  static final Member N2 = Member.newBuilder().setId("n2").setAddress("10.213.0.2:9870")
      .setRole(Role.ROLE_FOLLOWER).build();

  volatile Supplier<Status> status = () -> Status.newBuilder().setCluster("c1").setNode("n1")
      .setOwner("n1").setLeader("n1").setTerm(3).setRole(Role.ROLE_LEADER)
      .setQuorum(QuorumState.QUORUM_OK).addMembers(N1).addMembers(N2).build();
  volatile Supplier<List<Member>> members = () -> List.of(N1, N2);
  volatile Supplier<CompletableFuture<List<Member>>> changeResult =
      () -> CompletableFuture.completedFuture(List.of(N1, N2));
  volatile Supplier<CompletableFuture<TransferOwnershipResponse>> transferResult =
      () -> CompletableFuture.completedFuture(
          TransferOwnershipResponse.newBuilder().setOwner("n2").setPreviousOwner("n1").build());
  final List<String> calls = new CopyOnWriteArrayList<>();
  final List<Consumer<Event>> listeners = new CopyOnWriteArrayList<>();

  @Override
  public Status status() {
    return status.get();
  }

  @Override
  public List<Member> members() {
    return members.get();
  }

  @Override
  public CompletableFuture<List<Member>> addMember(String id, String address, int priority) {
    calls.add("add " + id + " " + address + " " + priority);
    return changeResult.get();
  }

  @Override
  public CompletableFuture<List<Member>> removeMember(String id) {
    calls.add("remove " + id);
    return changeResult.get();
  }

  @Override
  public CompletableFuture<TransferOwnershipResponse> transfer(String toOrEmpty) {
    calls.add("transfer '" + toOrEmpty + "'");
    return transferResult.get();
  }

  @Override
  public AutoCloseable subscribe(Consumer<Event> listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  /** Delivers an event to every listener, on the caller's thread like a backend would. */
  void emit(Event event) {
    listeners.forEach(l -> l.accept(event));
  }
}
