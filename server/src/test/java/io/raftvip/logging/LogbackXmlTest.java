package io.raftvip.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.joran.spi.JoranException;
import ch.qos.logback.classic.spi.ILoggingEvent;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;

/** Loads the shipped logback.xml into a private context and checks what it produces. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LogbackXmlTest {

  @Test
  void underJournal_noTimestamp_priorityPrefix_levelAndShortLogger() throws Exception {
    LoggerContext context = configure("true");

    String line = format(context, Level.WARN, "io.raftvip.vip.VipController", "lost lease");

    assertEquals("<4>WARN  VipController - lost lease\n", line);
  }

  @Test
  void outsideJournal_timestampAndThread() throws Exception {
    LoggerContext context = configure(null);

    String line = format(context, Level.INFO, "io.raftvip.daemon.Daemon", "started");

    assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\S+ INFO  "
        + "\\[main\\] Daemon - started\n"), line);
  }

  @Test
  void dependencies_atWarn_rootAtInfo() throws Exception {
    LoggerContext context = configure(null);

    assertEquals(Level.INFO, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
    assertEquals(Level.WARN,
        context.getLogger("org.apache.ratis.server.impl.RaftServerImpl").getEffectiveLevel());
    assertEquals(Level.WARN,
        context.getLogger("io.grpc.netty.shaded.io.netty.Foo").getEffectiveLevel());
    assertEquals(Level.INFO, context.getLogger("io.raftvip.daemon.Daemon").getEffectiveLevel());
  }

  private static LoggerContext configure(String journal) throws JoranException {
    LoggerContext context = new LoggerContext();
    if (journal != null) {
      // Context properties are looked up like system properties, without touching the JVM's.
      context.putProperty("raftvip.log.journal", journal);
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(LogbackXmlTest.class.getResource("/logback.xml"));
    return context;
  }

  private static String format(LoggerContext context, Level level, String logger, String msg) {
    ConsoleAppender<ILoggingEvent> console = (ConsoleAppender<ILoggingEvent>)
        context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE");
    PatternLayoutEncoder encoder = (PatternLayoutEncoder) console.getEncoder();
    LoggingEvent event = new LoggingEvent(
        LogbackXmlTest.class.getName(), context.getLogger(logger), level, msg, null, null);
    event.setThreadName("main");
    return new String(encoder.encode(event), StandardCharsets.UTF_8);
  }
}
