package io.raftvip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.proto.v1.Health;
import io.raftvip.proto.v1.ReloadResult;
import io.raftvip.proto.v1.Status;
import io.raftvip.testing.FailureRecorder;
import io.raftvip.testing.Netns;
import io.raftvip.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Health-gated ownership end to end: every node namespace runs an HTTPS stand-in for the API
 * server (a certificate from a test CA) whose {@code /readyz} the test controls, and every daemon
 * checks it. The VIP follows a working API server, release first, never onto no node, and a
 * flapping check moves nothing. Address watchers prove there is never a second holder.
 */
@Tag("netns")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HealthGatingIT {

  /**
   * Checks every second, 2 rounds to fall or rise, 3 s hold-down: fast enough for a test, and a
   * timeout (800 ms) that a cold JVM's first TLS handshake on a busy 2-core machine meets; a tighter
   * one turns CPU starvation into "unhealthy" and moves the VIP for reasons the test did not cause.
   */
  private static final Duration HOLD_DOWN = Duration.ofSeconds(3);
  private static final String HEALTH = "health: { interval: 1s, timeout: 800ms, fall: 2, rise: 2,"
      + " hold-down: " + HOLD_DOWN.toSeconds() + "s, preempt: false, checks: [ { name: apiserver, kind: http,"
      + " url: 'https://127.0.0.1:" + ApiServerStandIn.PORT + "/readyz', ca: '%s' } ] }";

  @RegisterExtension
  static final FailureRecorder failures = new FailureRecorder();
  private static Path certDir;
  private static TestCertificates ca;
  private static ClusterLab lab;
  private static LabTiming timing;
  private static AdminChannels admin;
  private static final Map<String, ApiServerStandIn> apiServers = new LinkedHashMap<>();

  @BeforeAll
  static void startCluster() throws Exception {
    Netns.requireRootAndNetns();
    Assumptions.assumeTrue(TestCertificates.opensslAvailable(),
        "SKIPPED: no openssl binary to make the API server stand-ins' certificates");
    certDir = Files.createTempDirectory("raftvip-health-it-");
    ca = TestCertificates.create(certDir, "apiserver-ca");
    lab = new ClusterLab(failures, 3, "{}", "rvh-", id -> String.format(HEALTH, ca.caCert));
    timing = lab.timing();
    admin = new AdminChannels(lab::adminSocket);
    lab.startAll();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    apiServers.values().forEach(ApiServerStandIn::close);
    if (admin != null) {
      admin.close();
    }
    if (lab != null) {
      lab.close();
    }
    if (certDir != null) {
      ClusterLab.deleteTree(certDir);
    }
  }

  /** Every test starts with every API server ready and every member seen healthy. */
  @BeforeEach
  void restore() throws Exception {
    for (String id : lab.ids()) {
      if (!apiServers.containsKey(id)) {
        apiServers.put(id, ApiServerStandIn.start(lab.ns(id), ca.serverCert, ca.serverKey));
      }
      apiServers.get(id).answer(200);
    }
    final String owner = lab.restore();
    awaitHealth(owner, lab.ids(), Health.HEALTH_HEALTHY);
  }

  private static void report(String scenario, String text) {
    System.out.println("[raftvip-it] " + scenario + ": " + text);
  }

  /** Waits until {@code asked} reports every one of {@code members} with {@code health}. */
  private static void awaitHealth(String asked, List<String> members, Health health) {
    lab.await(timing.settle(), () -> {
      final Status s = admin.statusOrNull(asked);
      return s != null && members.stream().allMatch(id -> s.getMembersList().stream()
          .anyMatch(m -> m.getId().equals(id) && m.getHealth() == health));
    }, asked + " to see " + members + " " + health, () -> String.valueOf(admin.statusOrNull(asked)));
  }

  /**
   * Watches for the quiet period plus the hold-down (plus {@code extra}) that no other node binds
   * the VIP: the owner keeps it. (A lease lapse that the owner rebinds at once is a steadiness
   * matter SteadinessIT and the benchmarks measure, not a move.)
   */
  private static void observeNoMove(String owner, long from, Duration extra) throws InterruptedException {
    final long until = from + timing.quiet().plus(HOLD_DOWN).plus(extra).toNanos();
    while (System.nanoTime() < until) {
      assertTrue(lab.timeline.since(from).stream().noneMatch(c -> c.added() && !c.node().equals(owner)),
          () -> "the VIP was to stay on " + owner + lab.describe(from));
      TimeUnit.MILLISECONDS.sleep(50); // an observation window: nothing may happen in it
    }
    assertEquals(List.of(), lab.timeline.overlapsSince(from), () -> "no overlap" + lab.describe(from));
  }

  @Test
  void ownersApiServerFails_theVipMovesToAHealthyNode_releaseFirst_andStaysWhenTheOldOneRecovers() throws Exception {
    final String owner = lab.awaitStableOwner();
    final long t0 = System.nanoTime();
    apiServers.get(owner).answer(503);
    final String next = lab.awaitNewOwner(timing.failover(), owner, List.of());
    assertNotEquals(owner, next);
    final long released = lab.timeline.since(t0).stream().filter(c -> c.node().equals(owner) && !c.added())
        .findFirst().orElseThrow().nanos();
    final long bound = lab.timeline.since(t0).stream().filter(c -> c.node().equals(next) && c.added())
        .findFirst().orElseThrow().nanos();
    report("health move", owner + " -> " + next + " " + (bound - t0) / 1_000_000 + " ms after its API server"
        + " failed; client outage " + lab.probe().outageMillis(t0, owner) + " ms");
    assertTrue(released < bound, () -> "released before " + next + " bound" + lab.describe(t0));
    assertEquals(List.of(), lab.timeline.overlapsSince(t0), () -> "no overlap" + lab.describe(t0));
    lab.await(timing.failover(), () -> {
      final Status s = admin.statusOrNull(next);
      return s != null && s.getOwnerReason().contains("owner unhealthy (apiserver: HTTP 503");
    }, next + "'s status to say why it owns", () -> String.valueOf(admin.statusOrNull(next)));

    // The old owner's API server comes back: with preempt: false nothing moves.
    apiServers.get(owner).answer(200);
    awaitHealth(next, List.of(owner), Health.HEALTH_HEALTHY);
    observeNoMove(next, System.nanoTime(), Duration.ZERO);
  }

  @Test
  void noMemberHealthy_theVipStays_thenFollowsTheFirstHealthyOne() throws Exception {
    final String owner = lab.awaitStableOwner();
    final long t0 = System.nanoTime();
    // The others' API servers first, then the owner's: once the owner fails, no member is
    // healthy, and the VIP stays. (All at once is the next test.)
    final List<String> others = lab.ids().stream().filter(id -> !id.equals(owner)).toList();
    others.forEach(id -> apiServers.get(id).answer(503));
    awaitHealth(owner, others, Health.HEALTH_UNHEALTHY);
    apiServers.get(owner).answer(503);
    awaitHealth(owner, lab.ids(), Health.HEALTH_UNHEALTHY);
    observeNoMove(owner, t0, Duration.ZERO);
    final Status s = admin.statusOrNull(owner);
    assertTrue(s != null && s.getOwnerReason().contains(owner + " is unhealthy (apiserver: HTTP 503") && s.getOwnerReason().contains("keeps the VIP"), () -> "owner reason: " + s);
    final String healthy = others.get(0);
    final long t1 = System.nanoTime();
    apiServers.get(healthy).answer(200);
    final String next = lab.awaitNewOwner(timing.failover(), owner, List.of());
    report("health follow", "all unhealthy: " + owner + " kept the VIP; " + healthy + " healthy again -> " + next);
    assertEquals(healthy, next, () -> "the VIP follows the only healthy member" + lab.describe(t1));
    assertEquals(List.of(), lab.timeline.overlapsSince(t0), () -> "no overlap" + lab.describe(t0));
  }

  /**
   * etcd loses its quorum: every API server fails in the same instant. The members' verdicts flip
   * within a round of each other, so the owner may see itself unhealthy while the others still
   * look healthy; it asks its target, which answers after a round of checks begun after the
   * question, and the VIP stays. Without that question this fails whenever the owner's rounds run
   * ahead of the others'.
   */
  @Test
  void everyApiServerFailsAtOnce_theVipStaysWithTheOwner() throws Exception {
    final String owner = lab.awaitStableOwner();
    final long t0 = System.nanoTime();
    apiServers.values().forEach(a -> a.answer(503));
    awaitHealth(owner, lab.ids(), Health.HEALTH_UNHEALTHY);
    observeNoMove(owner, t0, Duration.ZERO);
    report("all API servers failed", owner + " kept the VIP");
  }

  /**
   * A reload points the owner's check at a port nothing listens on: the new checks fail, the
   * verdict turns unhealthy and the VIP moves, release first, with no restart. Reloaded back, the
   * node is healthy again.
   */
  @Test
  void reloadedHealthChecks_takeEffectWithoutARestart() throws Exception {
    final String owner = lab.awaitStableOwner();
    final String working = "127.0.0.1:" + ApiServerStandIn.PORT + "/";
    final String closed = "127.0.0.1:" + (ApiServerStandIn.PORT + 1) + "/";
    final long t0 = System.nanoTime();
    try {
      lab.editConfig(owner, text -> text.replace(working, closed));
      lab.reload(owner);
      lab.await(timing.failover(), () -> {
        final Status s = admin.statusOrNull(owner);
        return s != null && s.getLastReloadResult() == ReloadResult.RELOAD_APPLIED
            && s.getLastReloadMessage().contains("health (its checks changed)");
      }, owner + " to apply the reloaded health section", () -> String.valueOf(admin.statusOrNull(owner)));
      final String next = lab.awaitNewOwner(timing.failover().plus(Duration.ofSeconds(6)), owner, List.of());
      final long released = lab.timeline.since(t0).stream().filter(c -> c.node().equals(owner) && !c.added())
          .findFirst().orElseThrow().nanos();
      final long bound = lab.timeline.since(t0).stream().filter(c -> c.node().equals(next) && c.added())
          .findFirst().orElseThrow().nanos();
      assertTrue(released < bound, () -> "released before " + next + " bound" + lab.describe(t0));
      assertEquals(List.of(), lab.timeline.overlapsSince(t0), () -> "no overlap" + lab.describe(t0));
      report("health reload", owner + "'s reloaded check fails -> " + next);
    } finally {
      lab.editConfig(owner, text -> text.replace(closed, working));
      lab.reload(owner);
    }
    awaitHealth(owner, List.of(owner), Health.HEALTH_HEALTHY);
  }

  @Test
  void aFlappingApiServer_movesNothing() throws Exception {
    final String owner = lab.awaitStableOwner();
    final long t0 = System.nanoTime();
    apiServers.get(owner).flap(); // alternates every request: never two failing rounds in a row
    // Long enough for many rounds: each alternation that counted would need only two of them.
    observeNoMove(owner, t0, Duration.ofSeconds(10));
    report("flap", owner + "'s API server flapped for " + (System.nanoTime() - t0) / 1_000_000 + " ms: no move");
  }

  @Test
  void noApiServerAtAll_theVipIsUpAnyway() throws Exception {
    // Before a cluster is bootstrapped nothing answers on 6443: every member is unhealthy, and
    // the leader holds the VIP as without health gating.
    apiServers.values().forEach(ApiServerStandIn::close);
    apiServers.clear();
    for (String id : lab.ids()) {
      lab.kill(id);
    }
    // A killed owner's address lives on until its kernel lifetime ends (systemd's ExecStopPost
    // release is not part of this lab): wait for that, so the owner below is a fresh one.
    lab.await(timing.failover(), () -> lab.timeline.holders().isEmpty(), "the killed owner's VIP to expire",
        () -> "holders " + lab.timeline.holders());
    final long t0 = System.nanoTime();
    lab.startAll();
    final String owner = lab.awaitOwner(timing.settle());
    report("bootstrap", owner + " owns with no API server anywhere, " + (System.nanoTime() - t0) / 1_000_000
        + " ms after start");
    awaitHealth(owner, lab.ids(), Health.HEALTH_UNHEALTHY);
    final String stillOwner = lab.awaitOwner(timing.settle());
    report("bootstrap", "every member seen unhealthy; " + stillOwner + " holds the VIP");
    assertEquals(List.of(), lab.timeline.overlapsSince(t0), () -> "no overlap" + lab.describe(t0));
  }
}
