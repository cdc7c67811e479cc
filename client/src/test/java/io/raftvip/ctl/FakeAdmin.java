package io.raftvip.ctl;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.raftvip.proto.v1.AddMemberRequest;
import io.raftvip.proto.v1.AdminGrpc;
import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.GetStatusRequest;
import io.raftvip.proto.v1.ListMembersRequest;
import io.raftvip.proto.v1.ListMembersResponse;
import io.raftvip.proto.v1.RemoveMemberRequest;
import io.raftvip.proto.v1.TransferOwnershipRequest;
import io.raftvip.proto.v1.TransferOwnershipResponse;
import io.raftvip.proto.v1.WatchRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * A scriptable admin service: answers with the fields below, or fails every call with
 * {@link #failure} when set. Records the requests it got.
 */
final class FakeAdmin extends AdminGrpc.AdminImplBase {
  volatile io.raftvip.proto.v1.Status status = Fixtures.status();
  volatile ListMembersResponse members = Fixtures.members();
  volatile TransferOwnershipResponse transfer = Fixtures.transfer();
  volatile List<Event> events = Fixtures.events();
  /** When set, unary calls fail with it; watch fails with it after sending {@link #events}. */
  volatile Status failure;
  /** When true, unary calls never answer (to provoke a client deadline). */
  volatile boolean silent;
  final List<Object> requests = new ArrayList<>();

  @Override
  public void getStatus(GetStatusRequest request, StreamObserver<io.raftvip.proto.v1.Status> response) {
    answer(request, status, response);
  }

  @Override
  public void listMembers(ListMembersRequest request, StreamObserver<ListMembersResponse> response) {
    answer(request, members, response);
  }

  @Override
  public void addMember(AddMemberRequest request, StreamObserver<ListMembersResponse> response) {
    answer(request, members, response);
  }

  @Override
  public void removeMember(RemoveMemberRequest request, StreamObserver<ListMembersResponse> response) {
    answer(request, members, response);
  }

  @Override
  public void transferOwnership(TransferOwnershipRequest request, StreamObserver<TransferOwnershipResponse> response) {
    answer(request, transfer, response);
  }

  @Override
  public void watch(WatchRequest request, StreamObserver<Event> response) {
    record(request);
    events.forEach(response::onNext);
    if (failure != null) {
      response.onError(failure.asRuntimeException());
    } else {
      response.onCompleted();
    }
  }

  private <T> void answer(Object request, T answer, StreamObserver<T> response) {
    record(request);
    if (silent) {
      return;
    }
    if (failure != null) {
      response.onError(failure.asRuntimeException());
      return;
    }
    response.onNext(answer);
    response.onCompleted();
  }

  private synchronized void record(Object request) {
    requests.add(request);
  }

  synchronized List<Object> requests() {
    return List.copyOf(requests);
  }
}
