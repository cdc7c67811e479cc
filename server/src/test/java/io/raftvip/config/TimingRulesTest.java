package io.raftvip.config;

import static io.raftvip.config.TestYaml.config;
import static io.raftvip.config.TestYaml.parse;
import static io.raftvip.config.TestYaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.raftvip.raft.RaftTiming;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TimingRulesTest {

  private static String timing(String body) {
    return "timing: { " + body + " }";
  }

  static Stream<Arguments> brokenTimings() {
    return Stream.of(
        Arguments.of(timing("lease: 70"), "timing.lease: '70' has no unit; write e.g. 70ms"),
        Arguments.of(timing("lease: 1.5"), "timing.lease: '1.5' has no unit; write e.g. 1.5s"),
        Arguments.of(timing("lease: '70'"), "timing.lease: '70' has no unit; write e.g. 70ms"),
        Arguments.of(timing("lease: 70 ms"),
            "timing.lease: '70 ms' is not a duration; write a number and a unit (ms, s, m, h),"
                + " e.g. 150ms, 1.5s or 2m"),
        Arguments.of(timing("lease: 0.5ms"),
            "timing.lease: '0.5ms' is not a whole number of milliseconds or is too long;"
                + " durations have millisecond precision"),
        Arguments.of(timing("lease: [1s]"), "timing.lease: expected a duration like 150ms, got a list"),
        Arguments.of(timing("election-timeout: 150ms"),
            "timing.election-timeout: '150ms' must be a range MIN..MAX, e.g. 600ms..900ms"),
        Arguments.of(timing("election-timeout: 150..300ms"),
            "timing.election-timeout: '150..300ms' must be a range MIN..MAX, e.g. 600ms..900ms:"
                + " '150' has no unit; write e.g. 150ms"),
        Arguments.of(timing("election-timeout: 10ms..200ms, heartbeat: 2ms, lease: 5ms"),
            "timing.election-timeout: '10ms..200ms': min 10ms must be at least 20ms (below that,"
                + " scheduling jitter alone triggers elections)"),
        Arguments.of(timing("election-timeout: 800ms..800ms"),
            "timing.election-timeout: '800ms..800ms': max 800ms must be longer than min 800ms (the"
                + " randomised spread keeps candidates from splitting the vote)"),
        Arguments.of(timing("election-timeout: 600ms..61s, vip-lifetime: 0"),
            "timing.election-timeout: '600ms..61s': max 61s must be at most 1m (failover would"
                + " take longer than that)"),
        Arguments.of(timing("lease: 160ms"),
            "timing.lease: 160ms must be shorter than timing.dead-leader-timeout (160ms, the default):"
                + " an old owner cut off from the others must release the VIP before they can elect a"
                + " new leader, which they may do this long after its last heartbeat"),
        Arguments.of(timing("election-timeout: 150ms..300ms"),
            "timing.dead-leader-timeout: 160ms (the default) must be shorter than timing.election-timeout"
                + " min (150ms): the election timeout is the wait for a leader that is silent but alive"
                + " (its stall tolerance); a leader that is verifiably gone is replaced sooner"),
        Arguments.of(timing("dead-leader-timeout: 0ms, election-timeout: 100ms..200ms, lease: 100ms"),
            "timing.lease: 100ms must be shorter than timing.election-timeout min (100ms): an old"
                + " owner must release the VIP before a new leader can be elected"),
        Arguments.of(timing("dead-leader-timeout: 0ms, election-timeout: 50ms..100ms"),
            "timing.lease: 100ms (the default) must be shorter than timing.election-timeout min"
                + " (50ms): an old owner must release the VIP before a new leader can be elected"),
        Arguments.of(timing("heartbeat: 100ms"),
            "timing.heartbeat: 100ms must be shorter than timing.lease (100ms, the default): the"
                + " leader keeps its lease by hearing from a majority every heartbeat round"),
        Arguments.of(timing("heartbeat: 0ms"), "timing.heartbeat: 0s must be at least 1ms"),
        Arguments.of(timing("probe-timeout: 100ms"),
            "timing.probe-timeout: 100ms is too long for timing.dead-leader-timeout (160ms, the"
                + " default): the leader's port is probed from dead-leader-timeout minus probe-timeout"
                + " (60ms) on, which must be at least two heartbeats (80ms) so that one late heartbeat"
                + " does not trigger a probe"),
        Arguments.of(timing("probe-timeout: 0ms"), "timing.probe-timeout: 0s must be between 1ms and 10s"),
        Arguments.of(timing("vip-lifetime: 500ms"),
            "timing.vip-lifetime: 500ms must be 0 (off) or at least 1s"),
        Arguments.of(timing("vip-lifetime: 1500ms"),
            "timing.vip-lifetime: 1.5s must be a whole number of seconds: the kernel counts"
                + " address lifetimes in seconds"),
        Arguments.of(timing("election-timeout: 600ms..1s"),
            "timing.vip-lifetime: 3s (the default) must be longer than 3 x timing.election-timeout"
                + " max (3s) or 0 (off): it is a backstop for a frozen owner and must never expire"
                + " while a healthy owner renews it"),
        Arguments.of(timing("reconcile: 2s"),
            "timing.vip-lifetime: 3s (the default) must be longer than 2 x timing.reconcile (4s):"
                + " the owner renews the lifetime when it reconciles"),
        Arguments.of(timing("reconcile: 5ms"), "timing.reconcile: 5ms must be between 10ms and 10s"),
        Arguments.of(timing("reconcile: 11s, vip-lifetime: 0"),
            "timing.reconcile: 11s must be between 10ms and 10s"),
        Arguments.of("timing: fast", "timing: expected a mapping like { election-timeout:"
            + " 600ms..900ms, heartbeat: 40ms }, got 'fast'"),
        Arguments.of(timing("leese: 50ms"), "unknown key 'leese' at timing (did you mean 'lease'?)"));
  }

  @ParameterizedTest
  @MethodSource("brokenTimings")
  void brokenTiming_isReportedWithKeyValueAndRule(String timing, String expected) {
    assertEquals(List.of(expected), problems(config(timing)));
  }

  @Test
  void heartbeatAtLease_andLeaseAtDeadLeaderTimeout_areBothReported() {
    assertEquals(List.of(
        "timing.heartbeat: 160ms must be shorter than timing.lease (160ms): the leader keeps its"
            + " lease by hearing from a majority every heartbeat round",
        "timing.lease: 160ms must be shorter than timing.dead-leader-timeout (160ms, the default): an"
            + " old owner cut off from the others must release the VIP before they can elect a new leader,"
            + " which they may do this long after its last heartbeat"),
        problems(config(timing("heartbeat: 160ms, lease: 160ms"))));
  }

  @Test
  void absentTiming_isTheDefaults() throws ConfigException {
    assertEquals(TimingConfig.defaults(), parse(config()).timing());
    assertEquals(new TimingConfig(Duration.ofMillis(600), Duration.ofMillis(900),
        Duration.ofMillis(40), Duration.ofMillis(100), Duration.ofMillis(160), Duration.ofMillis(80),
        Duration.ofSeconds(3), Duration.ofMillis(500)), TimingConfig.defaults());
  }

  @Test
  void explicitTiming_isRead_andZeroMeansOff() throws ConfigException {
    TimingConfig t = parse(config(timing("election-timeout: 1s..2s, heartbeat: 100ms,"
        + " lease: 0.7s, dead-leader-timeout: 0ms, vip-lifetime: 0, reconcile: 1s"))).timing();
    assertEquals(new TimingConfig(Duration.ofSeconds(1), Duration.ofSeconds(2),
        Duration.ofMillis(100), Duration.ofMillis(700), Duration.ZERO, Duration.ofMillis(80), Duration.ZERO,
        Duration.ofSeconds(1)), t);
    assertEquals(false, t.vipLifetimeEnabled());
    assertEquals(false, t.deadLeaderDetection());
    assertEquals(Duration.ofSeconds(1), t.earliestElection());
    assertEquals(new RaftTiming(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofMillis(100),
        Duration.ofMillis(700), Duration.ZERO, Duration.ofMillis(80)), t.raftTiming());
  }

  @Test
  void deadLeaderDetection_isTheEarliestElection() throws ConfigException {
    TimingConfig t = parse(config(timing("election-timeout: 1s..1500ms, heartbeat: 50ms,"
        + " lease: 150ms, dead-leader-timeout: 250ms, probe-timeout: 50ms, vip-lifetime: 5s"))).timing();
    assertEquals(Duration.ofMillis(250), t.earliestElection());
    assertEquals(Duration.ofMillis(200), t.raftTiming().probeAfter());
  }

  @Test
  void partialTiming_keepsDefaultsForTheRest() throws ConfigException {
    TimingConfig t = parse(config(timing("heartbeat: 10ms"))).timing();
    assertEquals(Duration.ofMillis(10), t.heartbeat());
    assertEquals(TimingConfig.defaults().lease(), t.lease());
  }
}
