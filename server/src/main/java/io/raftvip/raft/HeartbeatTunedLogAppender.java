package io.raftvip.raft;

import org.apache.ratis.grpc.server.GrpcLogAppender;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.leader.FollowerInfo;
import org.apache.ratis.server.leader.LeaderState;

/**
 * Ratis' gRPC log appender with raftvip's heartbeat period instead of Ratis' fixed
 * "min election timeout / 2". Frequent heartbeats keep the leader lease fresh: the lease can
 * then be a safe margin shorter than the election timeout without lapsing between heartbeats.
 */
final class HeartbeatTunedLogAppender extends GrpcLogAppender {

  private final long heartbeatMs;

  HeartbeatTunedLogAppender(RaftServer.Division server, LeaderState leaderState,
                            FollowerInfo follower, long heartbeatMs) {
    super(server, leaderState, follower);
    this.heartbeatMs = heartbeatMs;
  }

  @Override
  public long getHeartbeatWaitTimeMs() {
    final long sinceResponse = getFollower().getLastRpcResponseTime().elapsedTimeMs();
    final long sinceHeartbeat = getFollower().getLastHeartbeatSendTime().elapsedTimeMs();
    // Send when a heartbeat period passed without a response, but never faster than twice a
    // period even towards a dead follower (as Ratis itself does with min/4).
    return Math.max(heartbeatMs - sinceResponse, heartbeatMs / 2 - sinceHeartbeat);
  }
}
