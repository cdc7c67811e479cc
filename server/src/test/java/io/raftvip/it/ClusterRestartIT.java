package io.raftvip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.proto.v1.QuorumState;
import io.raftvip.proto.v1.Reachability;
import io.raftvip.proto.v1.Status;
import io.raftvip.testing.FailureRecorder;
import io.raftvip.testing.Netns;
import java.util.ArrayList;
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

  /**
   * A rolling restart, as an upgrade does it: one node at a time, followers first, each back in
   * the cluster before the next goes. The VIP moves once, when the owner stops (a graceful
   * hand-over, release first), never when a follower restarts, and the cluster keeps its members.
   */
  @Test
  void rollingRestart_movesTheVipOnlyWhenTheOwnerRestarts_releaseFirst() throws Exception {
    final String owner = lab.awaitStableOwner();
    final List<String> order = new ArrayList<>(lab.ids().stream().filter(id -> !id.equals(owner)).toList());
    order.add(owner);
    final long t0 = System.nanoTime();
    final long ownerStopped = restartAll(order, owner);

    final List<String> moves = moves(t0, owner);
    assertEquals(1, moves.size(), () -> "one move, when the owner restarted: " + moves + lab.describe(t0));
    assertNotEquals(owner, moves.get(0));
    assertEquals(List.of(), lab.timeline.overlapsSince(t0), () -> "no overlap" + lab.describe(t0));
    System.out.println("[raftvip-it] rolling restart: " + order + ", the VIP moved " + owner + " -> " + moves.get(0)
        + ", client outage " + lab.probe().outageMillis(ownerStopped, owner) + " ms");
    final Status after = status(moves.get(0));
    assertEquals(3, after.getMembersCount(), () -> "members kept: " + after);
  }

  /** Restarts the nodes in {@code order}, each rejoined before the next; returns when the owner was stopped. */
  private long restartAll(List<String> order, String owner) throws Exception {
    long ownerStopped = 0;
    for (String id : order) {
      if (id.equals(owner)) {
        ownerStopped = System.nanoTime();
      }
      lab.stop(id);
      lab.start(id);
      lab.await(timing.settle(), () -> rejoined(id), id + " to rejoin: the leader reaches it",
          () -> String.valueOf(status(id)));
      lab.awaitStableOwner();
    }
    return ownerStopped;
  }

  private boolean rejoined(String id) {
    try {
      final String leader = status(id).getLeader();
      return !leader.isEmpty() && !leader.equals(id) ? status(leader).getMembersList().stream()
          .anyMatch(m -> m.getId().equals(id) && m.getReachability() == Reachability.REACHABILITY_REACHABLE)
          : !leader.isEmpty();
    } catch (RuntimeException notUpYet) {
      return false;
    }
  }

  /**
   * @return the nodes the VIP moved to since {@code t0}, when {@code owner} held it, in order (a
   *     re-bind by the same node is no move)
   */
  private List<String> moves(long t0, String owner) {
    final List<String> moves = new ArrayList<>();
    String holder = owner;
    for (AddressTimeline.Change c : lab.timeline.since(t0)) {
      if (c.added() && !c.node().equals(holder)) {
        moves.add(c.node());
      }
      if (c.added()) {
        holder = c.node();
      }
    }
    return moves;
  }
}
