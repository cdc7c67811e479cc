package io.raftvip.raft;

import io.raftvip.proto.peer.v1.ForwardedAddMember;
import io.raftvip.proto.peer.v1.ForwardedRemoveMember;
import io.raftvip.proto.peer.v1.ForwardedTransferOwnership;
import io.raftvip.proto.v1.ListMembersResponse;
import io.raftvip.proto.v1.TransferOwnershipResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.apache.ratis.thirdparty.io.grpc.Metadata;
import org.apache.ratis.thirdparty.io.grpc.MethodDescriptor;
import org.apache.ratis.thirdparty.io.grpc.ServerServiceDefinition;
import org.apache.ratis.thirdparty.io.grpc.Status;
import org.apache.ratis.thirdparty.io.grpc.StatusRuntimeException;
import org.apache.ratis.thirdparty.io.grpc.stub.ServerCalls;
import org.apache.ratis.thirdparty.io.grpc.stub.StreamObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the forwarded changes of raftvip.peer.v1.Peer (AddMember, RemoveMember,
 * TransferOwnership) on this member's Raft port, handing each to the node's
 * {@link ForwardedChanges} once the daemon has attached it. Every error it sends carries the
 * trailer {@value #ANSWERED_BY} with this member's id: the forwarding member tells by it an answer
 * (to pass on to the operator) from a failure to get one.
 */
final class PeerChangeService {

  private static final Logger LOG = LoggerFactory.getLogger(PeerChangeService.class);
  /** The trailer naming the member that answered with an error. */
  static final String ANSWERED_BY = "raftvip-node";
  static final MethodDescriptor<ForwardedAddMember, ListMembersResponse> ADD_MEMBER =
      unary("AddMember", new ProtoMarshaller<>(ForwardedAddMember.parser()),
          new ProtoMarshaller<>(ListMembersResponse.parser()));
  static final MethodDescriptor<ForwardedRemoveMember, ListMembersResponse> REMOVE_MEMBER =
      unary("RemoveMember", new ProtoMarshaller<>(ForwardedRemoveMember.parser()),
          new ProtoMarshaller<>(ListMembersResponse.parser()));
  static final MethodDescriptor<ForwardedTransferOwnership, TransferOwnershipResponse> TRANSFER =
      unary("TransferOwnership", new ProtoMarshaller<>(ForwardedTransferOwnership.parser()),
          new ProtoMarshaller<>(TransferOwnershipResponse.parser()));

  private final String selfId;
  private final AtomicReference<ForwardedChanges> handler = new AtomicReference<>();

  PeerChangeService(String selfId) {
    this.selfId = selfId;
  }

  private static <Q, R> MethodDescriptor<Q, R> unary(String name, MethodDescriptor.Marshaller<Q> request,
                                                     MethodDescriptor.Marshaller<R> response) {
    return MethodDescriptor.<Q, R>newBuilder()
        .setType(MethodDescriptor.MethodType.UNARY)
        .setFullMethodName(MethodDescriptor.generateFullMethodName(PeerInfoService.SERVICE, name))
        .setRequestMarshaller(request)
        .setResponseMarshaller(response)
        .build();
  }

  /** From now on forwarded changes go to {@code changes}; before, they are refused as UNAVAILABLE. */
  void serve(ForwardedChanges changes) {
    handler.set(changes);
  }

  /** Adds the three methods to the Peer service being built. */
  void addTo(ServerServiceDefinition.Builder service) {
    service.addMethod(ADD_MEMBER, ServerCalls.asyncUnaryCall((request, reply) ->
        answer("AddMember", request.getVia(), h -> h.addMember(request.getVia(), request.getRequest()), reply)));
    service.addMethod(REMOVE_MEMBER, ServerCalls.asyncUnaryCall((request, reply) ->
        answer("RemoveMember", request.getVia(), h -> h.removeMember(request.getVia(), request.getRequest()), reply)));
    service.addMethod(TRANSFER, ServerCalls.asyncUnaryCall((request, reply) ->
        answer("TransferOwnership", request.getVia(), h -> h.transfer(request.getVia(), request.getRequest()), reply)));
  }

  private <R> void answer(String rpc, String via, Function<ForwardedChanges, CompletableFuture<R>> call,
                          StreamObserver<R> reply) {
    final ForwardedChanges changes = handler.get();
    if (changes == null) {
      reply.onError(refusal(Status.UNAVAILABLE.withDescription(selfId + " is still starting and takes no changes"
          + " yet; retry shortly")));
      return;
    }
    CompletableFuture<R> result;
    try {
      result = call.apply(changes);
    } catch (RuntimeException e) {
      result = CompletableFuture.failedFuture(e);
    }
    result.whenComplete((answer, failure) -> {
      if (failure == null) {
        reply.onNext(answer);
        reply.onCompleted();
      } else {
        reply.onError(translate(rpc, via, failure));
      }
    });
  }

  private StatusRuntimeException translate(String rpc, String via, Throwable failure) {
    Throwable cause = failure;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof io.grpc.StatusRuntimeException refused) {
      return ShadedStatus.toShaded(refused, ANSWERED_BY, selfId);
    }
    LOG.error("{}: {} forwarded by {} failed with an unexpected exception (a bug in raftvip)", selfId, rpc, via, cause);
    return refusal(Status.INTERNAL.withDescription(rpc + " forwarded to " + selfId + " failed: internal error "
        + cause + "; see " + selfId + "'s log"));
  }

  private StatusRuntimeException refusal(Status status) {
    final Metadata trailers = new Metadata();
    trailers.put(Metadata.Key.of(ANSWERED_BY, Metadata.ASCII_STRING_MARSHALLER), selfId);
    return status.asRuntimeException(trailers);
  }
}
