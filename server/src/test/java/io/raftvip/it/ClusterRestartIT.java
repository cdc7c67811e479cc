package io.raftvip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.proto.v1.QuorumState;
import io.raftvip.proto.v1.Status;
import io.raftvip.testing.FailureRecorder;
import io.raftvip.testing.Netns;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Restarts and quorum: stale VIPs after a daemon crash, a full-cluster restart recovering the
 * Raft state, and no owner without a majority. The kernel lifetime backstop is off here so
 * that a stale VIP stays until raftvip itself removes it. A fresh lab per test.
 */
@Tag("netns")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClusterRestartIT {

  @RegisterExtension
  static final FailureRecorder failures = new FailureRecorder();
  private ClusterLab lab;
  private LabTiming timing;

  @BeforeAll
  static void checkHost() {
    Netns.requireRootAndNetns();
  }

  @BeforeEach
  void startCluster() throws Exception {
    lab = new ClusterLab(failures, 3, "{ vip-lifetime: 0 }");
    timing = lab.timing();
    lab.startAll();
    lab.awaitStableOwner();
  }

  @AfterEach
  void stopCluster() throws Exception {
    if (lab != null) {
      lab.close();
    }
  }

  private Status status(String id) {
    try (AdminStub admin = new AdminStub(lab.adminSocket(id))) {
      return admin.status();
    }
  }

  @Test
  void daemonKilledWhileNodeStaysUp_staleVipIsGoneAfterRestart() throws Exception {
    final String owner = lab.awaitOwner(timing.settle());
    lab.kill(owner); // the kernel keeps the VIP: the process cannot clean up after SIGKILL
    lab.awaitNewOwner(timing.failover(), owner, List.of(owner));
    assertTrue(lab.timeline.holds(owner), () -> "the killed daemon's VIP is still bound (stale)" + lab.describe());
    lab.start(owner);
    lab.await(timing.settle(), () -> !lab.timeline.holds(owner), "the restarted daemon to remove its stale VIP");
    // The daemon logs the removal after the kernel reports it: wait for the line, do not read once.
    lab.awaitLogLine(owner, "removed stale VIP", timing.failover());
  }

  @Test
  void allNodesRestarted_sameClusterComesBackFromStorage_andOwns() throws Exception {
    lab.awaitOwner(timing.settle());
    final long termBefore = status(lab.ids().get(0)).getTerm();
    for (String id : lab.ids()) {
      lab.signal(id, "TERM");
    }
    for (String id : lab.ids()) {
      lab.awaitExit(id);
    }
    // The watchers hear the last release over netlink, maybe after the process is gone: poll.
    lab.await(timing.failover(), () -> lab.timeline.holders().isEmpty(), "no VIP left after stopping everything");
    lab.startAll();
    final String owner = lab.awaitOwner(timing.settle());
    final Status s = status(owner);
    assertTrue(s.getTerm() > termBefore, () -> "term " + s.getTerm() + " continues from " + termBefore
        + " (recovered from storage, not a fresh group)" + lab.describe());
    assertEquals(3, s.getMembersCount(), () -> "members " + s.getMembersList() + lab.describe());
  }

  @Test
  void twoOfThreeDown_noOwner_thenOneBack_ownerAgain() throws Exception {
    final String owner = lab.awaitOwner(timing.settle());
    final List<String> others = lab.ids().stream().filter(id -> !id.equals(owner)).toList();
    for (String id : others) {
      lab.kill(id);
    }
    lab.await(timing.failover(), () -> lab.timeline.holders().isEmpty(),
        "the lone owner to release the VIP once it lost its majority");
    final long from = System.nanoTime();
    lab.await(timing.failover(), () -> status(owner).getQuorum() == QuorumState.QUORUM_LOST,
        "status to report the lost quorum");
    final Status lost = status(owner);
    assertEquals("", lost.getOwner(), () -> "no owner in the status once the quorum is lost: " + lost + lab.describe());
    assertTrue(lab.timeline.since(from).stream().noneMatch(c -> c.added()),
        () -> "nobody bound without a majority" + lab.describe(from));
    // Logged when the daemon notices, which the status and the kernel may show first: wait for it.
    lab.awaitLogLine(owner, "QUORUM LOST", timing.failover());
    lab.start(others.get(0));
    lab.awaitOwner(timing.settle());
  }
}
