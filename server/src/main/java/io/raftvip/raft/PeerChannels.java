package io.raftvip.raft;

import java.net.InetSocketAddress;
import java.time.Duration;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.grpc.GrpcUtil;
import org.apache.ratis.thirdparty.io.grpc.ManagedChannel;
import org.apache.ratis.thirdparty.io.grpc.netty.NegotiationType;
import org.apache.ratis.thirdparty.io.grpc.netty.NettyChannelBuilder;
import org.apache.ratis.thirdparty.io.netty.channel.ChannelOption;

/**
 * Opens a channel to another member's Raft port with Ratis' shaded gRPC and the node's Raft TLS,
 * so that raftvip's own peer calls are authenticated exactly as Raft traffic is: with TLS, only a
 * holder of a certificate of the cluster's CA can call or answer.
 */
final class PeerChannels {

  private PeerChannels() {
  }

  /**
   * @param address the peer's Raft address HOST:PORT or [IPv6]:PORT
   * @param tls the node's Raft TLS, or null for plaintext
   * @param connectTimeout how long the TCP connection may take: a node cut off answers nothing
   * @return a new channel; the caller shuts it down
   */
  static ManagedChannel open(String address, GrpcTlsConfig tls, Duration connectTimeout) {
    final InetSocketAddress target = io.raftvip.liveness.TcpPortProbe.parse(address);
    final NettyChannelBuilder builder = NettyChannelBuilder.forAddress(target.getHostString(), target.getPort())
        .withOption(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, connectTimeout.toMillis()));
    if (tls != null) {
      builder.negotiationType(NegotiationType.TLS).sslContext(GrpcUtil.buildSslContextForClient(tls));
    } else {
      builder.negotiationType(NegotiationType.PLAINTEXT);
    }
    return builder.build();
  }
}
