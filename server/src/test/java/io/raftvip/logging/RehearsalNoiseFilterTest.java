package io.raftvip.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.Test;

class RehearsalNoiseFilterTest {

  private final LoggerContext context = new LoggerContext();
  private final RehearsalNoiseFilter filter = new RehearsalNoiseFilter();

  private FilterReply decide(String logger, String thread, String message) {
    final LoggingEvent e = new LoggingEvent(getClass().getName(), context.getLogger(logger), Level.WARN,
        message, null, null);
    e.setThreadName(thread);
    return filter.decide(e);
  }

  @Test
  void ratisMessagesAboutRehearsalMembers_areDropped() {
    assertEquals(FilterReply.DENY, decide("org.apache.ratis.grpc.server.GrpcLogAppender",
        "grpc-default-executor-3", "rehearsal-3@group-E2F5AE4D33CF->rehearsal-2-AppendLogResponseHandler: Failed"));
    assertEquals(FilterReply.DENY, decide("org.apache.ratis.grpc.server.GrpcLogAppender",
        "rehearsal-1@group-E2F5AE4D33CF->rehearsal-2-HeartbeatTunedLogAppender-LogAppenderDaemon", "interrupted"));
    assertEquals(FilterReply.DENY, decide("io.raftvip.raft.RaftNode", "raftvip-rehearsal",
        "rehearsal-2: Raft server stopped"));
    assertEquals(FilterReply.DENY, decide("org.apache.ratis.server.RaftServer$Division", "grpc-default-executor-0",
        "Follower rehearsal-1@group-EAEF70EE806B->rehearsal-2(c-1,m-1,n0, caughtUp=true)"));
  }

  @Test
  void theRealClusterAndTheRehearsalsOwnLines_stay() {
    assertEquals(FilterReply.NEUTRAL, decide("org.apache.ratis.server.RaftServer$Division",
        "grpc-default-executor-1", "n1@group-8553E768D054: Failed to recognize n3 as leader"));
    assertEquals(FilterReply.NEUTRAL, decide("io.raftvip.raft.RaftNode", "main", "n1: Raft server stopped"));
    assertEquals(FilterReply.NEUTRAL, decide("org.apache.ratis.server.RaftServer$Division", "grpc-default-executor-0",
        "Follower n1@group-8553E768D054->pre-rehearsal-2(c-1,m-1,n0)"));
    assertEquals(FilterReply.NEUTRAL, decide("io.raftvip.daemon.BackgroundRehearsal", "raftvip-rehearsal",
        "n1: failover rehearsal: failed (rehearsal-1 did not start)"));
  }
}
