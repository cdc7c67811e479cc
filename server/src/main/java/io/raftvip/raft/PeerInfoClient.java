package io.raftvip.raft;

import io.raftvip.proto.peer.v1.DescribeRequest;
import io.raftvip.proto.peer.v1.DescribeResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.thirdparty.io.grpc.CallOptions;
import org.apache.ratis.thirdparty.io.grpc.ManagedChannel;
import org.apache.ratis.thirdparty.io.grpc.stub.ClientCalls;

/**
 * Asks another member to describe itself (raftvip.peer.v1.Peer), over the same transport and
 * mutual TLS as Raft, so a member that could not take part in Raft cannot answer either.
 */
final class PeerInfoClient {

  private final String selfId;
  private final String timing;
  private final GrpcTlsConfig tls;

  /** @param tls the node's Raft TLS, or null for plaintext */
  PeerInfoClient(String selfId, RaftTiming timing, GrpcTlsConfig tls) {
    this.selfId = selfId;
    this.timing = timing.shared();
    this.tls = tls;
  }

  /**
   * @param address the peer's Raft address HOST:PORT or [IPv6]:PORT
   * @return its description
   * @throws RuntimeException when it does not answer within {@code timeout} or refuses
   */
  DescribeResponse describe(String address, Duration timeout) {
    final ManagedChannel channel = PeerChannels.open(address, tls, timeout);
    try {
      return ClientCalls.blockingUnaryCall(channel, PeerInfoService.DESCRIBE,
          CallOptions.DEFAULT.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS),
          DescribeRequest.newBuilder().setNode(selfId).setTiming(timing).build());
    } finally {
      channel.shutdownNow();
    }
  }
}
