package io.raftvip.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.config.ExecCheckConfig;
import io.raftvip.config.HealthConfig;
import io.raftvip.config.HostPort;
import io.raftvip.config.TcpCheckConfig;
import io.raftvip.testing.Eventually;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HealthMonitorTest {

  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  private final MutableClock clock = new MutableClock(T0);
  private final List<HealthState> reported = new CopyOnWriteArrayList<>();
  private final Map<String, List<CheckResult>> observed = new ConcurrentHashMap<>();
  private final List<HealthMonitor> monitors = new ArrayList<>();
  private final List<FakeCheck> fakes = new ArrayList<>();

  @AfterEach
  void closeAll() {
    fakes.forEach(FakeCheck::release);
    monitors.forEach(HealthMonitor::close);
  }

  private FakeCheck fake(String name) {
    FakeCheck check = new FakeCheck(name);
    fakes.add(check);
    return check;
  }

  private HealthMonitor manual(RoundSettings settings, HealthCheck... checks) {
    HealthMonitor monitor = new HealthMonitor("n1", settings, List.of(checks), reported::add,
        (check, result) -> observed.computeIfAbsent(check, c -> new CopyOnWriteArrayList<>())
            .add(result), clock);
    monitors.add(monitor);
    return monitor;
  }

  private static RoundSettings rounds(int fall, int rise) {
    return new RoundSettings(Duration.ofSeconds(2), Duration.ofSeconds(1), fall, rise);
  }

  @Test
  void readiness_needsAHealthyVerdictAndAFreshPassingRound() throws Exception {
    FakeCheck apiserver = fake("apiserver");
    HealthMonitor monitor = manual(rounds(3, 2), apiserver);
    assertEquals(Readiness.no("its health is not known yet"), monitor.readiness());
    monitor.runRound();
    monitor.runRound();
    assertEquals(Readiness.yes(), monitor.readiness());

    // Every API server fails at once: this node's verdict is still HEALTHY (fall 3), but its
    // latest round failed, so the VIP must not move here.
    apiserver.fail("HTTP 503");
    monitor.runRound();
    assertEquals(HealthStatus.HEALTHY, monitor.current().status());
    assertEquals(Readiness.no("its latest checks failed (apiserver: HTTP 503)"), monitor.readiness());

    apiserver.pass();
    monitor.runRound();
    assertEquals(Readiness.yes(), monitor.readiness());
    // Rounds that stopped (a stalled process) vouch for nothing: 2 intervals + the cut-off at most.
    clock.advance(Duration.ofMillis(4000 + 1200 + 1));
    assertEquals(Readiness.no("its latest checks finished 5201 ms ago (more than 5200 ms)"),
        monitor.readiness());
  }

  @Test
  void readinessAfterNextRound_waitsForARoundStartedAfterTheQuestion() throws Exception {
    FakeCheck apiserver = fake("apiserver");
    HealthMonitor monitor = manual(rounds(3, 2), apiserver);
    monitor.runRound();
    monitor.runRound();
    assertEquals(Readiness.yes(), monitor.readiness());

    // The owner asks just as every API server begins to fail: the rounds so far passed, so the
    // answer must wait for the next one, which sees the failure.
    var answer = monitor.readinessAfterNextRound();
    assertFalse(answer.isDone(), "answered from a round that started before the question");
    apiserver.fail("HTTP 503");
    monitor.runRound();
    assertEquals(Readiness.no("its latest checks failed (apiserver: HTTP 503)"), answer.get(5, TimeUnit.SECONDS));

    var stopping = monitor.readinessAfterNextRound();
    monitor.close();
    assertEquals(Readiness.no("its health checks are stopping"), stopping.get(5, TimeUnit.SECONDS));
  }

  @Test
  void manualRounds_followTheHysteresis() throws Exception {
    FakeCheck apiserver = fake("apiserver");
    FakeCheck etcd = fake("etcd");
    HealthMonitor monitor = manual(rounds(3, 2), apiserver, etcd);
    assertEquals(HealthState.unknown(T0), monitor.current());

    assertEquals(HealthStatus.UNKNOWN, monitor.runRound().status());
    clock.advance(Duration.ofSeconds(2));
    HealthState healthy = monitor.runRound();
    assertEquals(new HealthState(HealthStatus.HEALTHY, T0.plusSeconds(2), "", ""), healthy);

    apiserver.fail("HTTP 503");
    monitor.runRound();
    monitor.runRound();
    assertEquals(HealthStatus.HEALTHY, monitor.current().status(), "two failures < fall 3");
    clock.advance(Duration.ofSeconds(6));
    HealthState unhealthy = monitor.runRound();
    assertEquals(new HealthState(HealthStatus.UNHEALTHY, T0.plusSeconds(8), "apiserver",
        "HTTP 503"), unhealthy);

    apiserver.pass();
    monitor.runRound();
    assertEquals(HealthStatus.UNHEALTHY, monitor.current().status(), "one pass < rise 2");
    assertEquals(HealthStatus.HEALTHY, monitor.runRound().status());
    assertEquals(List.of(HealthStatus.HEALTHY, HealthStatus.UNHEALTHY, HealthStatus.HEALTHY),
        reported.stream().map(HealthState::status).toList());
    assertEquals(7, observed.get("etcd").size(), "every check is observed every round");
  }

  @Test
  void flappingCheck_neverSettles() throws Exception {
    FakeCheck apiserver = fake("apiserver");
    HealthMonitor monitor = manual(rounds(3, 3), apiserver);
    for (int i = 0; i < 20; i++) {
      if (i % 3 == 2) {
        apiserver.fail("HTTP 503");
      } else {
        apiserver.pass();
      }
      monitor.runRound();
    }
    assertEquals(HealthStatus.UNKNOWN, monitor.current().status());
    assertEquals(List.of(), reported);
  }

  @Test
  void hungCheck_isCutOff_withoutDelayingTheOthers() throws Exception {
    FakeCheck apiserver = fake("apiserver");
    FakeCheck stuck = fake("stuck");
    stuck.hang();
    // timeout 100ms, interval 1s: the monitor stops waiting at 100 + 200 ms.
    HealthMonitor monitor = manual(new RoundSettings(Duration.ofSeconds(1), Duration.ofMillis(100),
        1, 1), apiserver, stuck);
    long start = System.nanoTime();
    HealthState state = monitor.runRound();
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertTrue(tookMillis >= 250 && tookMillis < 2_000, "round took " + tookMillis + " ms");
    assertEquals(new HealthState(HealthStatus.UNHEALTHY, T0, "stuck",
        "timed out after 100 ms (cut off: the check did not return)"), state);
    assertTrue(observed.get("apiserver").get(0).healthy());

    // Still stuck in the next round: it is reported as such, and not started a second time.
    monitor.runRound();
    assertTrue(observed.get("stuck").get(1).reason().startsWith("still running after "),
        observed.get("stuck").get(1).reason());
    assertEquals(1, stuck.runs());

    stuck.release();
    Eventually.until(Duration.ofSeconds(5), () -> {
      try {
        return monitor.runRound().status() == HealthStatus.HEALTHY;
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }, () -> monitor.current().toString());
  }

  @Test
  void hungCheck_doesNotDelayTheNextRounds() throws Exception {
    FakeCheck apiserver = fake("apiserver");
    FakeCheck stuck = fake("stuck");
    stuck.hang();
    List<Long> seen = new CopyOnWriteArrayList<>();
    HealthMonitor monitor = new HealthMonitor("n1",
        new RoundSettings(Duration.ofMillis(200), Duration.ofMillis(50), 3, 3),
        List.of(apiserver, stuck), reported::add, (check, result) -> {
          if (check.equals("apiserver")) {
            seen.add(System.nanoTime());
          }
        }, clock);
    monitors.add(monitor);
    long start = System.nanoTime();
    monitor.scheduleRounds();
    Eventually.until(Duration.ofSeconds(10), () -> seen.size() >= 6, () -> seen.size() + " rounds");
    long sixRoundsMillis = (seen.get(5) - start) / 1_000_000;
    // Six rounds start at 0, 200, ..., 1000 ms; a loaded machine adds scheduling delays. A
    // schedule that waited for the hung check would never get here at all.
    assertTrue(sixRoundsMillis < 3_000, "six rounds took " + sixRoundsMillis + " ms");
    assertEquals(1, stuck.runs(), "the hung check was not started again while it hung");
    assertEquals(HealthStatus.UNHEALTHY, monitor.current().status());
  }

  @Test
  void close_endsEveryThread_andKillsARunningProgram(@TempDir Path dir) throws Exception {
    Set<Thread> before = healthThreads();
    Path pid = dir.resolve("pid");
    Path script = Scripts.write(dir, "hang", "echo $$ > '" + pid + "'; exec sleep 60");
    FakeCheck apiserver = fake("apiserver");
    HealthMonitor monitor = manual(new RoundSettings(Duration.ofSeconds(59), Duration.ofSeconds(58),
        1, 1), apiserver, new ExecCheck("script", List.of(script.toString())));
    Thread round = new Thread(() -> {
      try {
        monitor.runRound();
      } catch (Exception e) {
        // the round is abandoned by close()
      }
    });
    round.start();
    Eventually.until(Duration.ofSeconds(10), () -> Files.exists(pid) && !read(pid).isEmpty(),
        () -> "no pid yet");
    long program = Long.parseLong(read(pid));
    assertFalse(Scripts.gone(program));
    monitor.close();
    assertTrue(Scripts.gone(program), "close() must kill the running program");
    Set<Thread> left = healthThreads();
    left.removeAll(before);
    Eventually.until(Duration.ofSeconds(2), () -> left.stream().noneMatch(Thread::isAlive),
        () -> left.stream().filter(Thread::isAlive).map(Thread::getName).toList().toString());
    assertEquals(List.of(), reported, "no listener call for the abandoned round");
    monitor.close(); // idempotent
  }

  @Test
  void start_runsTheConfiguredChecks_onItsOwn() throws Exception {
    try (ServerSocket etcd = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      // Spawning a process from a busy JVM can take longer than 50 ms: a generous timeout, and a
      // fall no test run reaches, so the first verdict is the rise.
      HealthConfig config = new HealthConfig(Duration.ofMillis(300), Duration.ofMillis(250), 100, 2,
          Duration.ZERO, false, List.of(
              new TcpCheckConfig("etcd", new HostPort("127.0.0.1", etcd.getLocalPort())),
              new ExecCheckConfig("script", List.of("/bin/true"))));
      HealthMonitor monitor = HealthMonitor.start(config, "n1", reported::add, (check, result) ->
          observed.computeIfAbsent(check, c -> new CopyOnWriteArrayList<>()).add(result));
      monitors.add(monitor);
      Eventually.until(Duration.ofSeconds(10), () -> !reported.isEmpty(), () -> "no verdict");
      assertEquals(HealthStatus.HEALTHY, reported.get(0).status());
      assertEquals(HealthStatus.HEALTHY, monitor.current().status());
      assertEquals(Set.of("etcd", "script"), observed.keySet());
    }
  }

  private static Set<Thread> healthThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("raftvip-health-"))
        .collect(Collectors.toCollection(() -> Collections.newSetFromMap(new ConcurrentHashMap<>())));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
