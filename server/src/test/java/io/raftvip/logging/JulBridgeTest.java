package io.raftvip.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class JulBridgeTest {

  @Test
  void julRecords_reachLogbackOnce() {
    final LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    final Logger logback = context.getLogger("io.grpc.raftvip.JulBridgeTest");
    final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    captured.setContext(context);
    captured.start();
    logback.addAppender(captured);
    logback.setLevel(Level.INFO);
    try {
      JulBridge.install();
      JulBridge.install();
      java.util.logging.Logger.getLogger("io.grpc.raftvip.JulBridgeTest").warning("channel closed");

      final List<ILoggingEvent> events = captured.list;
      assertEquals(1, events.size(), "one bridged record, however often install() ran");
      assertEquals(Level.WARN, events.get(0).getLevel());
      assertEquals("channel closed", events.get(0).getFormattedMessage());
    } finally {
      logback.detachAppender(captured);
    }
  }
}
