package io.raftvip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.testing.FailureRecorder;
import io.raftvip.testing.Netns;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Steady first, fast second, with the shipped timing: an owner whose process stalls for less than
 * the election timeout keeps the VIP (no release, no move); one whose process is dead is replaced
 * without waiting for the election timeout; a node configured with other timing refuses to join.
 * The numbers (how long, how often) are the benchmark's; these tests check what must happen.
 */
@Tag("netns")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class SteadinessIT {

  /** A stall well inside the default 600 ms election timeout, twice the "ordinary" 150 ms. */
  private static final long STALL_MS = 300;
  private static final String OTHER_TIMING = "{ lease: 120ms }";

  @RegisterExtension
  static final FailureRecorder failures = new FailureRecorder();
  private static ClusterLab lab;
  private static LabTiming timing;

  @BeforeAll
  static void startCluster() throws Exception {
    Netns.requireRootAndNetns();
    lab = new ClusterLab(failures, 3, "{}", "rvy-", id -> "");
    timing = lab.timing();
    lab.startAll();
  }

  @AfterAll
  static void stopCluster() throws Exception {
    if (lab != null) {
      lab.close();
    }
  }

  @BeforeEach
  void restore() throws Exception {
    for (String id : lab.ids()) {
      lab.rewriteTiming(id, null);
    }
    lab.restore();
  }

  private static void report(String scenario, String text) {
    System.out.println("[raftvip-it] " + scenario + ": " + text);
  }

  @Test
  void ownerStalledForLessThanTheElectionTimeout_keepsTheVip_noReleaseNoMove() throws Exception {
    final String owner = lab.awaitStableOwner();
    final long t0 = System.nanoTime();
    for (int i = 0; i < 3; i++) {
      lab.signal(owner, "STOP");
      Thread.sleep(STALL_MS); // the fault itself: how long the process stays stopped
      lab.signal(owner, "CONT");
      Thread.sleep(timing.quiet().toMillis() / 3); // an observation window between stalls
    }
    Thread.sleep(timing.quiet().toMillis()); // an election caused by the last stall would be over by now
    final List<AddressTimeline.Change> changes = lab.timeline.since(t0);
    report("stall", "3 stalls of " + STALL_MS + " ms of owner " + owner + "; longest client gap "
        + lab.probe().maxGapMillis(t0, System.nanoTime()) + " ms");
    assertEquals(List.of(), changes.stream().filter(c -> !c.added()).toList(),
        () -> "the stalled owner released nothing" + lab.describe(t0));
    assertEquals(List.of(), changes.stream().filter(c -> c.added() && !c.node().equals(owner)).toList(),
        () -> "no other node bound the VIP" + lab.describe(t0));
    lab.awaitLogLine(owner, "kept the VIP through", timing.failover());
  }

  @Test
  void ownerWhoseProcessDied_isReplacedEarly_byThePortThatRefuses() throws Exception {
    final String owner = lab.awaitStableOwner();
    final long t0 = System.nanoTime();
    lab.kill(owner); // its node stays up: its Raft port now refuses connections
    // The dead process's kernel keeps the VIP until systemd's ExecStopPost (here: the restart in
    // restore()) removes it, so the dead node is left out of the holders and the overlaps.
    final String next = lab.awaitNewOwner(timing.failover(), owner, List.of(owner));
    assertNotEquals(owner, next);
    report("dead process", owner + " -> " + next + ", client outage " + lab.probe().outageMillis(t0, owner) + " ms");
    assertTrue(lab.ids().stream().filter(id -> !id.equals(owner))
            .anyMatch(id -> lab.daemon(id).latestRun().contains("leader " + owner + " is gone")
                && lab.daemon(id).latestRun().contains("refuses connections")),
        () -> "a follower replaced the dead leader by its refusing port, not by the election timeout" + lab.describe(t0));
    assertEquals(List.of(), lab.timeline.overlapsSince(t0, owner), () -> "no two live owners" + lab.describe(t0));
  }

  @Test
  void aNodeConfiguredWithOtherTiming_refusesToJoin_namingBothValues() throws Exception {
    final String owner = lab.awaitStableOwner();
    final String odd = lab.ids().stream().filter(id -> !id.equals(owner)).findFirst().orElseThrow();
    lab.stop(odd);
    lab.rewriteTiming(odd, OTHER_TIMING);
    lab.start(odd);
    lab.awaitExit(odd);
    final String log = lab.daemon(odd).latestRun();
    report("timing", odd + " exited " + lab.daemon(odd).exitCode());
    assertEquals(2, lab.daemon(odd).exitCode(), () -> "a configuration error" + lab.describe());
    assertTrue(log.contains("refusing to join: every member must run with the same timing")
            && log.contains("lease 120ms") && log.contains("lease 100ms"),
        () -> "the log names both values" + lab.describe());
    assertTrue(lab.timeline.holds(owner), () -> "the cluster kept its owner" + lab.describe());
  }
}
