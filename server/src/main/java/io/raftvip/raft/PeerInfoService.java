package io.raftvip.raft;

import io.raftvip.proto.peer.v1.DescribeRequest;
import io.raftvip.proto.peer.v1.DescribeResponse;
import java.util.List;
import java.util.function.Supplier;
import org.apache.ratis.thirdparty.io.grpc.MethodDescriptor;
import org.apache.ratis.thirdparty.io.grpc.ServerServiceDefinition;
import org.apache.ratis.thirdparty.io.grpc.stub.ServerCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves raftvip.peer.v1.Peer on this member's Raft port: the timing it runs with and the members
 * it knows. Ratis' gRPC server is built from Ratis' shaded gRPC, so the service is defined here by
 * hand against it, with the messages from the proto module.
 */
final class PeerInfoService {

  private static final Logger LOG = LoggerFactory.getLogger(PeerInfoService.class);
  static final String SERVICE = "raftvip.peer.v1.Peer";
  static final MethodDescriptor<DescribeRequest, DescribeResponse> DESCRIBE =
      MethodDescriptor.<DescribeRequest, DescribeResponse>newBuilder()
          .setType(MethodDescriptor.MethodType.UNARY)
          .setFullMethodName(MethodDescriptor.generateFullMethodName(SERVICE, "Describe"))
          .setRequestMarshaller(new ProtoMarshaller<>(DescribeRequest.parser()))
          .setResponseMarshaller(new ProtoMarshaller<>(DescribeResponse.parser()))
          .build();

  private final String selfId;
  private final String timing;
  private final Supplier<List<String>> members;

  /** @param members the voting members this node knows now (empty until its Raft server runs) */
  PeerInfoService(String selfId, RaftTiming timing, Supplier<List<String>> members) {
    this.selfId = selfId;
    this.timing = timing.shared();
    this.members = members;
  }

  /** Adds Describe to the Peer service being built (one definition per service name). */
  void addTo(ServerServiceDefinition.Builder service) {
    service.addMethod(DESCRIBE, ServerCalls.asyncUnaryCall((request, reply) -> {
      if (!request.getTiming().isEmpty() && !request.getTiming().equals(timing)) {
        LOG.warn("{}: {} asked about its timing and runs with different values ({}; this node: {})",
            selfId, request.getNode(), request.getTiming(), timing);
      }
      reply.onNext(DescribeResponse.newBuilder().setNode(selfId).setTiming(timing)
          .addAllMembers(members.get()).build());
      reply.onCompleted();
    }));
  }
}
