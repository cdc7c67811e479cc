package io.raftvip.config;

import static io.raftvip.config.TestYaml.config;
import static io.raftvip.config.TestYaml.parse;
import static io.raftvip.config.TestYaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AnnounceAndLoggingRulesTest {

  static Stream<Arguments> brokenSettings() {
    return Stream.of(
        Arguments.of("announce: { repeat: 0 }", "announce.repeat: 0 must be an integer 1..20"
            + " (announcements sent right after binding the VIP)"),
        Arguments.of("announce: { repeat: 21 }", "announce.repeat: 21 must be an integer 1..20"
            + " (announcements sent right after binding the VIP)"),
        Arguments.of("announce: { repeat: 2.5 }", "announce.repeat: 2.5 must be an integer 1..20"
            + " (announcements sent right after binding the VIP)"),
        Arguments.of("announce: { interval: 5ms }",
            "announce.interval: 5ms must be between 10ms and 10s"),
        Arguments.of("announce: { interval: 11s }",
            "announce.interval: 11s must be between 10ms and 10s"),
        Arguments.of("announce: { interval: 1 }", "announce.interval: '1' has no unit; write e.g. 1ms"),
        Arguments.of("announce: { refresh: 500ms }",
            "announce.refresh: 500ms must be 0 (off) or at least 1s"),
        Arguments.of("announce: { repeats: 3 }",
            "unknown key 'repeats' at announce (did you mean 'repeat'?)"),
        Arguments.of("logging: { level: verbose }",
            "logging.level: 'verbose' is not a log level; use one of error, warn, info, debug,"
                + " trace"),
        Arguments.of("logging: { level: INFO }",
            "logging.level: 'INFO' is not a log level; use one of error, warn, info, debug, trace"),
        Arguments.of("logging: { loggers: { io.raftvip.raft: loud } }",
            "logging.loggers.io.raftvip.raft: 'loud' is not a log level; use one of error, warn,"
                + " info, debug, trace"),
        Arguments.of("logging: { loggers: { 'io raftvip': debug } }",
            "logging.loggers.io raftvip: is not a logger name (a Java package or class, e.g."
                + " io.raftvip.raft)"),
        Arguments.of("logging: { loggers: [io.raftvip] }",
            "logging.loggers: expected a mapping like { io.raftvip.raft: debug }, got a list"),
        Arguments.of("logging: { levle: debug }",
            "unknown key 'levle' at logging (did you mean 'level'?)"));
  }

  @ParameterizedTest
  @MethodSource("brokenSettings")
  void brokenSetting_isReportedWithKeyValueAndRule(String section, String expected) {
    assertEquals(List.of(expected), problems(config(section)));
  }

  @Test
  void announceAndLogging_defaults() throws ConfigException {
    RaftvipConfig c = parse(config());
    assertEquals(new AnnounceConfig(3, Duration.ofSeconds(1), Duration.ofSeconds(10)), c.announce());
    assertEquals(new LoggingConfig("info", Map.of()), c.logging());
  }

  @Test
  void announceAndLogging_explicit() throws ConfigException {
    RaftvipConfig c = parse(config("announce: { repeat: 5, interval: 200ms, refresh: 0 }",
        "logging: { level: warn, loggers: { io.raftvip.raft: debug, org.apache.ratis: error } }"));
    assertEquals(new AnnounceConfig(5, Duration.ofMillis(200), Duration.ZERO), c.announce());
    assertEquals(List.of("io.raftvip.raft", "org.apache.ratis"),
        List.copyOf(c.logging().loggers().keySet()));
    assertEquals("warn", c.logging().level());
  }
}
