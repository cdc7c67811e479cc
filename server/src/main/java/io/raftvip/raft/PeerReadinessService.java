package io.raftvip.raft;

import io.raftvip.health.Readiness;
import io.raftvip.proto.peer.v1.ReadinessRequest;
import io.raftvip.proto.peer.v1.ReadinessResponse;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.apache.ratis.thirdparty.io.grpc.MethodDescriptor;
import org.apache.ratis.thirdparty.io.grpc.ServerServiceDefinition;
import org.apache.ratis.thirdparty.io.grpc.stub.ServerCalls;

/**
 * Serves raftvip.peer.v1.Peer/Readiness: whether the VIP may move to this member now, as its
 * health monitor judges it. Until one is attached (or without a health section) the answer is
 * no: a member that checks nothing cannot vouch for an API server.
 */
final class PeerReadinessService {

  static final MethodDescriptor<ReadinessRequest, ReadinessResponse> READINESS =
      MethodDescriptor.<ReadinessRequest, ReadinessResponse>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName(PeerInfoService.SERVICE, "Readiness"))
          .setRequestMarshaller(new ProtoMarshaller<>(ReadinessRequest.parser()))
          .setResponseMarshaller(new ProtoMarshaller<>(ReadinessResponse.parser()))
          .build();
  private static final Supplier<CompletableFuture<Readiness>> NO_CHECKS =
      () -> CompletableFuture.completedFuture(Readiness.no("no health checks configured"));

  private final String selfId;
  private final AtomicReference<Supplier<CompletableFuture<Readiness>>> source = new AtomicReference<>(NO_CHECKS);

  PeerReadinessService(String selfId) {
    this.selfId = selfId;
  }

  /**
   * From now on answers with what {@code readiness} says (the node's health monitor, after its
   * next round of checks).
   */
  void attach(Supplier<CompletableFuture<Readiness>> readiness) {
    source.set(readiness);
  }

  /** Adds Readiness to the Peer service being built. */
  void addTo(ServerServiceDefinition.Builder service) {
    service.addMethod(READINESS, ServerCalls.asyncUnaryCall((request, reply) -> {
      source.get().get().whenComplete((now, e) -> {
        final Readiness answer = e != null ? Readiness.no("its health checks failed to answer: " + e) : now;
        reply.onNext(ReadinessResponse.newBuilder().setNode(selfId).setMayTakeOver(answer.mayTakeOver())
            .setReason(answer.reason()).build());
        reply.onCompleted();
      });
    }));
  }
}
