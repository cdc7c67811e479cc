package io.raftvip.raft;

import io.raftvip.health.Readiness;
import io.raftvip.proto.peer.v1.ReadinessRequest;
import io.raftvip.proto.peer.v1.ReadinessResponse;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.thirdparty.io.grpc.CallOptions;
import org.apache.ratis.thirdparty.io.grpc.ManagedChannel;
import org.apache.ratis.thirdparty.io.grpc.Status;
import org.apache.ratis.thirdparty.io.grpc.StatusRuntimeException;
import org.apache.ratis.thirdparty.io.grpc.stub.ClientCalls;
import org.apache.ratis.grpc.GrpcTlsConfig;

/** Asks a member over its Raft port whether the VIP may move to it now (Peer/Readiness). */
final class PeerReadinessClient {

  private final String selfId;
  private final GrpcTlsConfig tls;

  /** @param tls the node's Raft TLS, or null for plaintext */
  PeerReadinessClient(String selfId, GrpcTlsConfig tls) {
    this.selfId = selfId;
    this.tls = tls;
  }

  /**
   * @param address the member's Raft address
   * @param timeout for connecting and answering
   * @return its answer; a member that does not answer in time may not take the VIP; one that
   *     does not know the call (an older raftvip during a rolling upgrade) may, as before
   */
  Readiness ask(String address, Duration timeout) {
    final ManagedChannel channel;
    try {
      channel = PeerChannels.open(address, tls, timeout);
    } catch (RuntimeException e) {
      return Readiness.no("cannot reach it: " + e.getMessage());
    }
    try {
      final ReadinessResponse r = ClientCalls.blockingUnaryCall(channel, PeerReadinessService.READINESS,
          CallOptions.DEFAULT.withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS),
          ReadinessRequest.newBuilder().setNode(selfId).build());
      return r.getMayTakeOver() ? Readiness.yes() : Readiness.no(r.getReason());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        return Readiness.yes(); // an older member: its replicated verdict is all there is
      }
      return Readiness.no("it did not answer: " + e.getStatus().getCode()
          + (e.getStatus().getDescription() == null ? "" : " (" + e.getStatus().getDescription() + ")"));
    } finally {
      channel.shutdownNow();
    }
  }
}
