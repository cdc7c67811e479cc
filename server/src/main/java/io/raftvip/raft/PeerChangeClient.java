package io.raftvip.raft;

import io.raftvip.proto.peer.v1.ForwardedAddMember;
import io.raftvip.proto.peer.v1.ForwardedRemoveMember;
import io.raftvip.proto.peer.v1.ForwardedTransferOwnership;
import io.raftvip.proto.v1.AddMemberRequest;
import io.raftvip.proto.v1.ListMembersResponse;
import io.raftvip.proto.v1.RemoveMemberRequest;
import io.raftvip.proto.v1.TransferOwnershipRequest;
import io.raftvip.proto.v1.TransferOwnershipResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.thirdparty.io.grpc.CallOptions;
import org.apache.ratis.thirdparty.io.grpc.ManagedChannel;
import org.apache.ratis.thirdparty.io.grpc.MethodDescriptor;
import org.apache.ratis.thirdparty.io.grpc.Status;
import org.apache.ratis.thirdparty.io.grpc.stub.ClientCalls;
import org.apache.ratis.thirdparty.io.grpc.stub.StreamObserver;

/**
 * {@link ChangeForwarder} over raftvip.peer.v1.Peer on the leader's Raft port, with the node's
 * Raft TLS. A channel per change: changes are rare, and a kept channel would have to follow
 * leadership and membership.
 */
public final class PeerChangeClient implements ChangeForwarder {

  /** How long connecting to the leader may take; a leader cut off answers nothing at all. */
  static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

  private final String selfId;
  private final GrpcTlsConfig tls;
  private final Duration deadline;

  /**
   * @param tls the node's Raft TLS, or null for plaintext
   * @param deadline how long the leader may take to answer: longer than it allows a change itself,
   *                 so that its own explanation arrives rather than a bare timeout
   */
  PeerChangeClient(String selfId, GrpcTlsConfig tls, Duration deadline) {
    this.selfId = selfId;
    this.tls = tls;
    this.deadline = deadline;
  }

  @Override
  public CompletableFuture<ListMembersResponse> addMember(String leaderAddress, AddMemberRequest request) {
    return call(leaderAddress, PeerChangeService.ADD_MEMBER,
        ForwardedAddMember.newBuilder().setVia(selfId).setRequest(request).build());
  }

  @Override
  public CompletableFuture<ListMembersResponse> removeMember(String leaderAddress, RemoveMemberRequest request) {
    return call(leaderAddress, PeerChangeService.REMOVE_MEMBER,
        ForwardedRemoveMember.newBuilder().setVia(selfId).setRequest(request).build());
  }

  @Override
  public CompletableFuture<TransferOwnershipResponse> transfer(String leaderAddress, TransferOwnershipRequest request) {
    return call(leaderAddress, PeerChangeService.TRANSFER,
        ForwardedTransferOwnership.newBuilder().setVia(selfId).setRequest(request).build());
  }

  private <Q, R> CompletableFuture<R> call(String address, MethodDescriptor<Q, R> method, Q request) {
    final CompletableFuture<R> result = new CompletableFuture<>();
    final ManagedChannel channel;
    try {
      channel = PeerChannels.open(address, tls, CONNECT_TIMEOUT);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(new PeerUnreachableException(address, e.getMessage(), false));
    }
    result.whenComplete((r, e) -> channel.shutdown());
    ClientCalls.asyncUnaryCall(channel.newCall(method,
        CallOptions.DEFAULT.withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS)), request,
        new StreamObserver<R>() {
          private R answer;

          @Override public void onNext(R value) {
            answer = value;
          }

          @Override public void onError(Throwable t) {
            result.completeExceptionally(failure(address, t));
          }

          @Override public void onCompleted() {
            result.complete(answer);
          }
        });
    return result;
  }

  /**
   * An error the member sent (our trailer, or UNIMPLEMENTED from a raftvip that lacks the method)
   * is its answer; anything else means no answer came.
   */
  private RuntimeException failure(String address, Throwable t) {
    final Status status = Status.fromThrowable(t);
    final var trailers = Status.trailersFromThrowable(t);
    if (ShadedStatus.trailer(trailers, PeerChangeService.ANSWERED_BY) != null
        || status.getCode() == Status.Code.UNIMPLEMENTED) {
      return ShadedStatus.fromShaded(status, trailers);
    }
    if (status.getCode() == Status.Code.DEADLINE_EXCEEDED) {
      return new PeerUnreachableException(address, "no answer within " + deadline.toSeconds() + " s", true);
    }
    return new PeerUnreachableException(address, reason(status), false);
  }

  /** @return e.g. "connection refused" or "UNAVAILABLE: io exception (Connection refused: /10.4.0.10:7420)" */
  static String reason(Status status) {
    Throwable root = status.getCause();
    while (root != null && root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    final String description = status.getDescription() == null ? status.getCode().name() : status.getDescription();
    return root == null || root.getMessage() == null ? description : description + " (" + root.getMessage() + ")";
  }
}
