package io.raftvip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.proto.v1.Status;
import io.raftvip.proto.v1.TransferOwnershipRequest;
import io.raftvip.testing.FailureRecorder;
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
 * {@code health.preempt: true} end to end: n1 has the highest priority, and whenever it is healthy
 * and may take the VIP, the owner hands the VIP to it, release first; after a health move away
 * from it, it gets the VIP back once it has been healthy for {@code rise} rounds and the hold-down
 * has passed. An operator's {@code transfer --to} is not undone by preemption. Address watchers
 * prove there is never a second holder.
 */
@Tag("netns")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PreemptionIT {

  private static final String PREFERRED = "n1";
  /** The timing of {@link HealthGatingIT} (see there why), with preemption. */
  private static final Duration HOLD_DOWN = Duration.ofSeconds(3);
  private static final Duration INTERVAL = Duration.ofSeconds(1);
  private static final int RISE = 2;
  private static final String HEALTH = "health: { interval: " + INTERVAL.toSeconds() + "s, timeout: 800ms, fall: 2,"
      + " rise: " + RISE + ", hold-down: " + HOLD_DOWN.toSeconds() + "s, preempt: true, checks: [ { name: apiserver,"
      + " kind: http, url: 'https://127.0.0.1:" + ApiServerStandIn.PORT + "/readyz', ca: '%s' } ] }";

  @RegisterExtension
  static final FailureRecorder failures = new FailureRecorder();
  private static Path certDir;
  private static TestCertificates ca;
  private static ClusterLab lab;
  private static LabTiming timing;
  private static AdminChannels admin;
  private static final Map<String, ApiServerStandIn> apiServers = new LinkedHashMap<>();
  private static long started;

  @BeforeAll
  static void startCluster() throws Exception {
    Assumptions.assumeTrue(TestCertificates.opensslAvailable(),
        "SKIPPED: no openssl binary to make the API server stand-ins' certificates");
    certDir = Files.createTempDirectory("raftvip-preempt-it-");
    ca = TestCertificates.create(certDir, "apiserver-ca");
    lab = new ClusterLab(failures, 3, "{}", "rvq-", id -> String.format(HEALTH, ca.caCert));
    lab.prioritize(Map.of(PREFERRED, 5));
    timing = lab.timing();
    admin = new AdminChannels(lab::adminSocket);
    for (String id : lab.ids()) {
      apiServers.put(id, ApiServerStandIn.start(lab.ns(id), ca.serverCert, ca.serverKey));
    }
    started = System.nanoTime();
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

  /**
   * How long preemption may take once the preferred node is healthy: its rise, the hold-down of
   * an earlier move, a readiness round, and a failover's worth of election and binding.
   */
  private static Duration preemption() {
    return INTERVAL.multipliedBy(RISE + 3L).plus(HOLD_DOWN).plus(timing.failover());
  }

  /** Every test starts with every API server ready and the preferred node owning the VIP. */
  @BeforeEach
  void restore() throws Exception {
    apiServers.values().forEach(a -> a.answer(200));
    final String owner = lab.restore();
    if (!owner.equals(PREFERRED) && lab.timeline.holders().equals(List.of(owner))) {
      // A previous test transferred it away on purpose: an operator's choice holds, so undo it the same way.
      admin.blocking(owner, timing.failover()).transferOwnership(
          TransferOwnershipRequest.newBuilder().setTo(PREFERRED).build());
    }
    lab.await(timing.settle().plus(preemption()), () -> lab.timeline.holders().equals(List.of(PREFERRED)),
        PREFERRED + " to own the VIP", () -> String.valueOf(admin.statusOrNull(PREFERRED)));
  }

  private static void report(String scenario, String text) {
    System.out.println("[raftvip-it] " + scenario + ": " + text);
  }

  @Test
  void preferredNode_ownsTheVipFromTheStart_withNoOverlapEver() {
    assertEquals(List.of(), lab.timeline.overlapsSince(started), () -> "no overlap since the start" + lab.describe(started));
    final Status s = admin.statusOrNull(PREFERRED);
    assertTrue(s != null && s.getOwner().equals(PREFERRED), () -> "status: " + s);
  }

  @Test
  void preferredNodeFails_theVipMovesAway_andComesBackReleaseFirstOnceItIsHealthyAgain() throws Exception {
    final long t0 = System.nanoTime();
    apiServers.get(PREFERRED).answer(503);
    final String away = lab.awaitNewOwner(timing.failover().plus(INTERVAL.multipliedBy(4)), PREFERRED, List.of());
    assertNotEquals(PREFERRED, away);

    final long t1 = System.nanoTime();
    apiServers.get(PREFERRED).answer(200);
    lab.await(preemption(), () -> lab.timeline.boundSince(PREFERRED, t1), PREFERRED + " to get the VIP back",
        () -> String.valueOf(admin.statusOrNull(away)));
    final long released = lab.timeline.since(t1).stream().filter(c -> c.node().equals(away) && !c.added())
        .findFirst().orElseThrow().nanos();
    final long bound = lab.timeline.since(t1).stream().filter(c -> c.node().equals(PREFERRED) && c.added())
        .findFirst().orElseThrow().nanos();
    report("preemption", PREFERRED + " -> " + away + " -> " + PREFERRED + ", back " + (bound - t1) / 1_000_000
        + " ms after its API server recovered (rise " + RISE + " x " + INTERVAL.toMillis() + " ms, hold-down "
        + HOLD_DOWN.toMillis() + " ms); client outage " + lab.probe().outageMillis(t1, away) + " ms");
    assertTrue(released < bound, () -> away + " released before " + PREFERRED + " bound" + lab.describe(t1));
    assertEquals(List.of(), lab.timeline.overlapsSince(t0), () -> "no overlap" + lab.describe(t0));
    lab.await(timing.failover(), () -> {
      final Status s = admin.statusOrNull(PREFERRED);
      return s != null && s.getOwnerReason().contains("preempting");
    }, PREFERRED + "'s status to say why it owns", () -> String.valueOf(admin.statusOrNull(PREFERRED)));
  }

  @Test
  void operatorsTransfer_isNotUndoneByPreemption() throws Exception {
    final String target = lab.ids().stream().filter(id -> !id.equals(PREFERRED)).findFirst().orElseThrow();
    final long t0 = System.nanoTime();
    admin.blocking(PREFERRED, timing.failover()).transferOwnership(
        TransferOwnershipRequest.newBuilder().setTo(target).build());
    lab.await(timing.failover(), () -> lab.timeline.boundSince(target, t0), target + " to bind the VIP");
    final long t1 = System.nanoTime();
    // Longer than preemption would take, and than the hold-down that once bounded an operator's choice.
    final long until = t1 + preemption().plus(HOLD_DOWN).toNanos();
    while (System.nanoTime() < until) {
      assertTrue(lab.timeline.since(t1).stream().noneMatch(c -> c.added() && !c.node().equals(target)),
          () -> "the VIP was to stay on " + target + ", where the operator moved it" + lab.describe(t0));
      TimeUnit.MILLISECONDS.sleep(50); // an observation window: nothing may happen in it
    }
    assertEquals(List.of(), lab.timeline.overlapsSince(t0), () -> "no overlap" + lab.describe(t0));
    final Status s = admin.statusOrNull(target);
    assertTrue(s != null && s.getOwnerReason().contains("transfer requested"), () -> "owner reason: " + s);
  }
}
