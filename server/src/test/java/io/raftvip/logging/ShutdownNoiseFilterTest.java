package io.raftvip.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ShutdownNoiseFilterTest {

  private final LoggerContext context = new LoggerContext();
  private final ShutdownNoiseFilter filter = new ShutdownNoiseFilter();

  private FilterReply decide(String logger, Level level) {
    return filter.decide(new LoggingEvent(getClass().getName(), context.getLogger(logger), level,
        "n1@group-8553E768D054->n2-AppendLogResponseHandler: Failed appendEntries", null, null));
  }

  @AfterEach
  void reset() {
    ShutdownNoiseFilter.reset();
  }

  @Test
  void whileRunning_ratisWarningsPass() {
    assertEquals(FilterReply.NEUTRAL, decide("org.apache.ratis.grpc.server.GrpcLogAppender", Level.WARN));
  }

  @Test
  void whileStopping_ratisWarningsGo_errorsAndOurOwnLinesStay() {
    ShutdownNoiseFilter.daemonStopping();

    assertEquals(FilterReply.DENY, decide("org.apache.ratis.grpc.server.GrpcLogAppender", Level.WARN));
    assertEquals(FilterReply.DENY, decide("org.apache.ratis.thirdparty.io.grpc.internal.ManagedChannelOrphanWrapper",
        Level.WARN));
    assertEquals(FilterReply.NEUTRAL, decide("org.apache.ratis.server.RaftServer$Division", Level.ERROR));
    assertEquals(FilterReply.NEUTRAL, decide("io.raftvip.daemon.Daemon", Level.WARN));
  }
}
