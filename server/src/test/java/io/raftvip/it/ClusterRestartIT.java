package io.raftvip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.proto.v1.QuorumState;
import io.raftvip.proto.v1.Status;
import io.raftvip.testing.Netns;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Restarts and quorum: stale VIPs after a daemon crash, a full-cluster restart recovering the
 * Raft state, and no owner without a majority. The kernel lifetime backstop is off here so
 * that a stale VIP stays until raftvip itself removes it.
 */
@Tag("netns")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ClusterRestartIT {

  private static final Duration SETTLE = Duration.ofSeconds(30);
  private ClusterLab lab;

  @BeforeAll
  static void checkHost() {
    Netns.requireRootAndNetns();
  }

  @BeforeEach
  void startCluster() throws Exception {
    lab = new ClusterLab(3, "{ vip-lifetime: 0 }");
    lab.startAll();
    lab.awaitStableOwner(SETTLE, Duration.ofSeconds(1));
  }

  @AfterEach
  void stopCluster() throws Exception {
    lab.close();
  }

  private Status status(String id) {
    try (AdminStub admin = new AdminStub(lab.dir.resolve(id).resolve("admin.sock"))) {
      return admin.status();
    }
  }

  @Test
  void daemonKilledWhileNodeStaysUp_staleVipIsGoneAfterRestart() throws Exception {
    final String owner = lab.awaitOwner(SETTLE);
    lab.kill(owner); // the kernel keeps the VIP: the process cannot clean up after SIGKILL
    lab.awaitNewOwner(Duration.ofSeconds(10), owner, List.of(owner));
    assertTrue(lab.timeline.holds(owner), "the killed daemon's VIP is still bound (stale)");
    lab.start(owner);
    ClusterLab.await(SETTLE, () -> !lab.timeline.holds(owner), "the restarted daemon to remove its stale VIP");
    assertTrue(lab.logText(owner).contains("removed stale VIP"), lab.logText(owner));
  }

  @Test
  void allNodesRestarted_sameClusterComesBackFromStorage_andOwns() throws Exception {
    lab.awaitOwner(SETTLE);
    final long termBefore = status(lab.ids().get(0)).getTerm();
    for (String id : lab.ids()) {
      lab.signal(id, "TERM");
    }
    ClusterLab.await(Duration.ofSeconds(20), () -> lab.ids().stream().noneMatch(lab::running), "all daemons to exit");
    assertEquals(List.of(), lab.timeline.holders(), "no VIP left after stopping everything");
    lab.startAll();
    final String owner = lab.awaitOwner(SETTLE);
    final Status s = status(owner);
    assertTrue(s.getTerm() > termBefore, "term " + s.getTerm() + " continues from " + termBefore
        + " (recovered from storage, not a fresh group)");
    assertEquals(3, s.getMembersCount());
  }

  @Test
  void twoOfThreeDown_noOwner_thenOneBack_ownerAgain() throws Exception {
    final String owner = lab.awaitOwner(SETTLE);
    final List<String> others = lab.ids().stream().filter(id -> !id.equals(owner)).toList();
    for (String id : others) {
      lab.kill(id);
    }
    ClusterLab.await(Duration.ofSeconds(5), () -> lab.timeline.holders().isEmpty(),
        "the lone owner to release the VIP once it lost its majority");
    final long from = System.nanoTime();
    ClusterLab.await(Duration.ofSeconds(5), () -> status(owner).getQuorum() == QuorumState.QUORUM_LOST,
        "status to report the lost quorum");
    assertEquals("", status(owner).getOwner());
    assertTrue(lab.timeline.since(from).stream().noneMatch(c -> c.added()), "nobody bound without a majority");
    lab.start(others.get(0));
    lab.awaitOwner(SETTLE);
    assertTrue(lab.logText(owner).contains("QUORUM LOST"), "the lost quorum is logged loudly");
  }
}
