package io.raftvip.raft;

import org.apache.ratis.client.ClientFactory;
import org.apache.ratis.client.RaftClientRpc;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import org.apache.ratis.grpc.GrpcFactory;
import org.apache.ratis.protocol.ClientId;
import org.apache.ratis.rpc.RpcType;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerRpc;
import org.apache.ratis.server.ServerFactory;
import org.apache.ratis.server.leader.FollowerInfo;
import org.apache.ratis.server.leader.LeaderState;
import org.apache.ratis.server.leader.LogAppender;

/**
 * Ratis' gRPC transport, unchanged, except that each follower's log appender is registered with
 * the {@link FollowerAckTracker} and sends heartbeats at raftvip's period.
 */
final class LeaseTrackingFactory implements ServerFactory, ClientFactory {

  static final String TRACKER_KEY = "raftvip.follower-ack-tracker";
  static final String HEARTBEAT_MS_KEY = "raftvip.heartbeat-ms";

  private final GrpcFactory grpc;
  private final FollowerAckTracker tracker;
  private final long heartbeatMs;

  LeaseTrackingFactory(Parameters parameters) {
    this.grpc = new GrpcFactory(parameters);
    this.tracker = parameters.getNonNull(TRACKER_KEY, FollowerAckTracker.class);
    this.heartbeatMs = parameters.getNonNull(HEARTBEAT_MS_KEY, Long.class);
  }

  @Override
  public RpcType getRpcType() {
    return new LeaseTrackingRpcType();
  }

  @Override
  public LogAppender newLogAppender(RaftServer.Division server, LeaderState state, FollowerInfo f) {
    tracker.register(f);
    return new HeartbeatTunedLogAppender(server, state, f, heartbeatMs);
  }

  @Override
  public RaftServerRpc newRaftServerRpc(RaftServer server) {
    return grpc.newRaftServerRpc(server);
  }

  @Override
  public RaftClientRpc newRaftClientRpc(ClientId clientId, RaftProperties properties) {
    return grpc.newRaftClientRpc(clientId, properties);
  }
}
