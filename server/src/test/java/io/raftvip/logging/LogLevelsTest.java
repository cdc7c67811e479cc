package io.raftvip.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LogLevelsTest {

  private final LoggerContext context = new LoggerContext();
  private final LogLevels levels = new LogLevels(context);

  @Test
  void apply_setsRootAndNamedLoggers_caseInsensitive() {
    levels.apply("warn", Map.of("org.apache.ratis", "Debug", "io.raftvip.vip", "TRACE"));

    assertEquals(Level.WARN, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
    assertEquals(Level.DEBUG, context.getLogger("org.apache.ratis").getLevel());
    assertEquals(Level.TRACE, context.getLogger("io.raftvip.vip").getLevel());
    assertEquals(Level.DEBUG, context.getLogger("org.apache.ratis.server.Foo").getEffectiveLevel());
  }

  @Test
  void nullRoot_keepsRootLevel() {
    context.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(Level.ERROR);

    levels.apply(null, Map.of("io.grpc", "off"));

    assertEquals(Level.ERROR, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel());
    assertEquals(Level.OFF, context.getLogger("io.grpc").getLevel());
  }

  @Test
  void unknownLevel_rejectedNamingLoggerAndValue_andNothingChanges() {
    Map<String, String> loggers = new LinkedHashMap<>();
    loggers.put("io.grpc", "debug");
    loggers.put("org.apache.ratis", "verbose");

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> levels.apply("info", loggers));

    assertEquals("log level 'verbose' for logger 'org.apache.ratis': must be one of "
        + "TRACE, DEBUG, INFO, WARN, ERROR, OFF (any case)", e.getMessage());
    assertNull(context.getLogger("io.grpc").getLevel(), "valid entries not applied either");
    assertEquals(Level.DEBUG, context.getLogger(Logger.ROOT_LOGGER_NAME).getLevel(),
        "root untouched (Logback's default is DEBUG)");
  }

  @Test
  void unknownRootLevel_rejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> levels.apply("warning", Map.of()));
    assertTrue(e.getMessage().startsWith("log level 'warning' for logger 'ROOT'"), e.getMessage());
  }

  @Test
  void defaultConstructor_findsLogbackBehindSlf4j() {
    assertInstanceOf(LoggerContext.class, LoggerFactory.getILoggerFactory());
    new LogLevels().apply(null, Map.of());
  }
}
