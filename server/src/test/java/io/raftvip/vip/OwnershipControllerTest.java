package io.raftvip.vip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.announce.Announcer;
import io.raftvip.net.AddressEvent;
import io.raftvip.net.BoundAddress;
import io.raftvip.net.Vip;
import io.raftvip.raft.LeadershipSnapshot;
import io.raftvip.raft.LeadershipSource;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OwnershipControllerTest {

  /** Lease 100 ms; a loop 30 ms late counts as stalled; 30 ms to confirm; up to 560 ms of silence. */
  private static final StallGrace GRACE = new StallGrace(Duration.ofMillis(30), Duration.ofMillis(30),
      Duration.ofMillis(560), Duration.ofMillis(100), Duration.ofMillis(40));

  private final Vip vip = new Vip(InetAddress.getLoopbackAddress(), "end0");
  private final FakeAddressManager kernel = new FakeAddressManager();
  private final List<String> announced = new ArrayList<>();
  private final List<String> transitions = new ArrayList<>();
  private long now;
  private LeadershipSnapshot snapshot = follower();
  private OwnershipController controller;

  private Announcer announcer;

  @BeforeEach
  void setUp() throws Exception {
    announcer = new Announcer() {
      @Override public void announce(Vip v) {
        announced.add(v.address().getHostAddress() + "@" + TimeUnit.NANOSECONDS.toMillis(now));
      }
      @Override public void close() { }
    };
    controller = new OwnershipController("n1", List.of(new Vip(InetAddress.getByName("10.4.0.9"), "end0")),
        () -> snapshot, kernel, announcer,
        new AnnouncementSettings(3, Duration.ofSeconds(1), Duration.ofSeconds(10)),
        Duration.ofSeconds(3), GRACE, () -> now,
        (from, to, term, reason) -> transitions.add(from + "->" + to));
  }

  private static LeadershipSnapshot follower() {
    return new LeadershipSnapshot(false, false, 0, 1, "n2");
  }

  private static LeadershipSnapshot leader(boolean ready, long leaseMs) {
    return new LeadershipSnapshot(true, ready, leaseMs, 2, "n1");
  }

  private void advanceMs(long ms) {
    now += TimeUnit.MILLISECONDS.toNanos(ms);
  }

  @Test
  void follower_neverBinds() {
    controller.evaluate();
    assertEquals(OwnershipState.FOLLOWER, controller.state());
    assertTrue(kernel.bound.isEmpty());
  }

  @Test
  void leaderWithoutReadiness_doesNotBind() {
    snapshot = leader(false, 50);
    controller.evaluate();
    assertEquals(OwnershipState.LEADER_PENDING, controller.state());
    assertTrue(kernel.bound.isEmpty());
  }

  @Test
  void leaderWithoutLease_doesNotBind() {
    snapshot = leader(true, 0);
    controller.evaluate();
    assertEquals(OwnershipState.LEADER_PENDING, controller.state());
    assertTrue(kernel.bound.isEmpty());
  }

  @Test
  void readyLeaderWithLease_bindsWithLifetimeAndAnnouncesAtOnce() {
    snapshot = leader(true, 50);
    controller.evaluate();
    assertEquals(OwnershipState.OWNER, controller.state());
    assertEquals(1, kernel.bound.size());
    assertEquals("add 10.4.0.9 lifetime=3000", kernel.calls.get(0));
    assertEquals(List.of("10.4.0.9@0"), announced);
  }

  @Test
  void lostLease_releasesAtTheNextEvaluation() {
    snapshot = leader(true, 50);
    controller.evaluate();
    snapshot = leader(true, 0);
    controller.evaluate();
    assertEquals(OwnershipState.LEADER_PENDING, controller.state());
    assertTrue(kernel.bound.isEmpty());
    assertEquals(List.of("FOLLOWER->OWNER", "OWNER->LEADER_PENDING"), transitions);
  }

  /** An owner that bound, was asked to look again in 20 ms, and then did not run for {@code stallMs}. */
  private void ownerThenStalled(long stallMs, long leaseRemainingAfterMs) {
    snapshot = leader(true, 90);
    controller.evaluate();
    controller.nextEvaluationDelayNanos(); // the loop schedules the next look 20 ms ahead
    advanceMs(stallMs);
    snapshot = leader(true, leaseRemainingAfterMs);
    controller.evaluate();
  }

  @Test
  void ownerStalledBeyondItsLease_keepsTheVip_whenAMajorityConfirmsItsTermInTime() {
    ownerThenStalled(300, -210);
    assertEquals(OwnershipState.OWNER, controller.state(), "rides out its own stall");
    assertEquals(1, kernel.bound.size());
    assertEquals(TimeUnit.MILLISECONDS.toNanos(OwnershipController.GRACE_DELAY_MS),
        controller.nextEvaluationDelayNanos(), "looks often for the confirming acknowledgements");
    advanceMs(5);
    snapshot = leader(true, 95); // a majority acknowledged a heartbeat sent after the resume
    controller.evaluate();
    assertEquals(OwnershipState.OWNER, controller.state());
    assertEquals(List.of("FOLLOWER->OWNER"), transitions, "no release, no re-bind");
  }

  @Test
  void ownerStalledBeyondItsLease_releases_whenNoMajorityConfirmsWithinTheWindow() {
    ownerThenStalled(300, -210);
    advanceMs(29);
    snapshot = leader(true, -239);
    controller.evaluate();
    assertEquals(OwnershipState.OWNER, controller.state(), "still inside the 30 ms window");
    advanceMs(2);
    snapshot = leader(true, -241);
    controller.evaluate();
    assertEquals(OwnershipState.LEADER_PENDING, controller.state());
    assertTrue(kernel.bound.isEmpty());
  }

  @Test
  void ownerThatRanOnTime_releasesTheMomentItsLeaseLapses() {
    // The loop was late by 10 ms only: below the stall threshold this is a cut-off owner that
    // kept running, and its lease is all that keeps it apart from a new leader.
    ownerThenStalled(30, -1);
    assertEquals(OwnershipState.LEADER_PENDING, controller.state());
    assertTrue(kernel.bound.isEmpty());
  }

  @Test
  void ownerStalledPastTheHorizon_releasesAtOnce() {
    // Its newest majority acknowledgement is 100 + 500 = 600 ms old, past the 560 ms horizon:
    // the followers may have elected someone else by now even though its node answered.
    ownerThenStalled(620, -500);
    assertEquals(OwnershipState.LEADER_PENDING, controller.state());
    assertTrue(kernel.bound.isEmpty());
  }

  @Test
  void stalledOwner_whoLostLeadershipMeanwhile_releasesAtOnce() {
    ownerThenStalled(300, -210);
    snapshot = follower();
    controller.evaluate();
    assertEquals(OwnershipState.FOLLOWER, controller.state());
    assertTrue(kernel.bound.isEmpty());
  }

  @Test
  void ownerWhoseOwnSendersStalled_ridesItOutToo_whileOneThatKeptSendingReleases() throws Exception {
    final long[] sendGap = {0};
    controller = new OwnershipController("n1", List.of(new Vip(InetAddress.getByName("10.4.0.9"), "end0")),
        new LeadershipSource() {
          @Override public LeadershipSnapshot snapshot() {
            return snapshot;
          }
          @Override public long sendGapMs() {
            return sendGap[0];
          }
        }, kernel, announcer, new AnnouncementSettings(3, Duration.ofSeconds(1), Duration.ofSeconds(10)),
        Duration.ofSeconds(3), GRACE, () -> now, (f, t, term, r) -> transitions.add(f + "->" + t));
    snapshot = leader(true, 90);
    controller.evaluate();
    // The loop ran on time, but this leader sent its followers nothing for 110 ms (a heartbeat
    // plus 70 ms): its senders did not run, e.g. just after it became leader on a busy host.
    controller.nextEvaluationDelayNanos();
    advanceMs(20);
    sendGap[0] = 110;
    snapshot = leader(true, -10);
    controller.evaluate();
    assertEquals(OwnershipState.OWNER, controller.state(), "rides out its senders' stall");
    snapshot = leader(true, 95);
    controller.evaluate();
    assertEquals(List.of("FOLLOWER->OWNER"), transitions);
    // A leader that kept sending (its last send 20 ms ago) and hears nothing back is cut off.
    controller.nextEvaluationDelayNanos();
    advanceMs(20);
    sendGap[0] = 20;
    snapshot = leader(true, -1);
    controller.evaluate();
    assertEquals(OwnershipState.LEADER_PENDING, controller.state());
  }

  @Test
  void withTheGraceOff_aStalledOwnerReleasesWhenItResumes() throws Exception {
    controller = new OwnershipController("n1", List.of(new Vip(InetAddress.getByName("10.4.0.9"), "end0")),
        () -> snapshot, kernel, announcer, new AnnouncementSettings(3, Duration.ofSeconds(1),
            Duration.ofSeconds(10)), Duration.ofSeconds(3), StallGrace.off(), () -> now, (f, t, term, r) -> { });
    ownerThenStalled(300, -210);
    assertEquals(OwnershipState.LEADER_PENDING, controller.state());
    assertTrue(kernel.bound.isEmpty());
  }

  @Test
  void graceForTiming_thresholdInsideTheMargin_confirmationWithinTheProbeTimeout() {
    final StallGrace g = StallGrace.forTiming(Duration.ofMillis(100), Duration.ofMillis(160),
        Duration.ofMillis(80), Duration.ofMillis(600), Duration.ofMillis(40));
    assertEquals(new StallGrace(Duration.ofMillis(30), Duration.ofMillis(80), Duration.ofMillis(560),
        Duration.ofMillis(100), Duration.ofMillis(40)), g);
    assertTrue(g.lease().plus(g.threshold()).compareTo(Duration.ofMillis(160)) < 0,
        "a merely late owner that is cut off still releases before the earliest election");
    assertEquals(StallGrace.off(), StallGrace.forTiming(Duration.ofMillis(70), Duration.ZERO,
        Duration.ofMillis(40), Duration.ofMillis(100), Duration.ofMillis(20)));
  }

  @Test
  void owner_evaluatesAgainWhenItsLeaseWouldRunOut_othersRelyOnEvents() {
    controller.evaluate();
    assertEquals(TimeUnit.MILLISECONDS.toNanos(OwnershipController.IDLE_DELAY_MS), controller.nextEvaluationDelayNanos());
    snapshot = leader(true, 15);
    controller.evaluate();
    assertEquals(TimeUnit.MILLISECONDS.toNanos(14), controller.nextEvaluationDelayNanos());
    snapshot = leader(true, 500);
    controller.evaluate();
    assertEquals(TimeUnit.MILLISECONDS.toNanos(OwnershipController.OWNER_MAX_DELAY_MS),
        controller.nextEvaluationDelayNanos());
    snapshot = leader(false, 0);
    controller.evaluate();
    assertEquals(TimeUnit.MILLISECONDS.toNanos(OwnershipController.PENDING_DELAY_MS),
        controller.nextEvaluationDelayNanos());
  }

  @Test
  void steppingDown_releases() {
    snapshot = leader(true, 50);
    controller.evaluate();
    snapshot = follower();
    controller.evaluate();
    assertEquals(OwnershipState.FOLLOWER, controller.state());
    assertTrue(kernel.bound.isEmpty());
  }

  @Test
  void announcements_repeatThenRefresh() {
    snapshot = leader(true, 50);
    controller.evaluate();
    for (int i = 0; i < 2500; i++) { // 12.5 s in 5 ms ticks
      advanceMs(5);
      controller.evaluate();
    }
    assertEquals(List.of("10.4.0.9@0", "10.4.0.9@1000", "10.4.0.9@2000", "10.4.0.9@12000"), announced);
  }

  @Test
  void lifetime_isRefreshedWhileOwner() {
    snapshot = leader(true, 50);
    controller.evaluate();
    advanceMs(1001);
    controller.evaluate();
    assertEquals(2, kernel.calls.stream().filter(c -> c.startsWith("add")).count());
  }

  private OwnershipController twoVips() throws Exception {
    return new OwnershipController("n1", List.of(new Vip(InetAddress.getByName("10.4.1.9"), "eth1"),
        new Vip(InetAddress.getByName("10.4.0.9"), "end0")), () -> snapshot, kernel, announcer,
        new AnnouncementSettings(3, Duration.ofSeconds(1), Duration.ofSeconds(10)),
        Duration.ofSeconds(3), GRACE, () -> now, (from, to, term, reason) -> transitions.add(from + "->" + to));
  }

  @Test
  void twoVips_oneFailingToBind_leavesNeitherBound() throws Exception {
    controller = twoVips();
    kernel.failAddsOn.add("end0");
    snapshot = leader(true, 50);
    controller.evaluate();
    assertTrue(kernel.bound.isEmpty(), "all or none: " + kernel.calls);
    assertFalse(controller.state() == OwnershipState.OWNER);
  }

  @Test
  void twoVips_aFailedRefreshOfOne_stillRefreshesTheOther() throws Exception {
    controller = twoVips();
    snapshot = leader(true, 50);
    controller.evaluate();
    assertEquals(OwnershipState.OWNER, controller.state());
    kernel.failAddsOn.add("eth1"); // the first VIP's interface went away
    kernel.calls.clear();
    advanceMs(1001);
    controller.evaluate();
    // Unrefreshed, the other VIP's kernel lifetime would end too, and the group would fall apart
    // for as long as eth1 is gone.
    assertEquals(List.of("add 10.4.1.9 lifetime=3000", "add 10.4.0.9 lifetime=3000"), kernel.calls);
  }

  @Test
  void holdBack_releasesAndPreventsRebinding_untilLifted() {
    snapshot = leader(true, 50);
    controller.evaluate();
    controller.holdBack("handing over to n2");
    assertTrue(kernel.bound.isEmpty());
    controller.evaluate();
    assertTrue(kernel.bound.isEmpty());
    assertEquals(OwnershipState.LEADER_PENDING, controller.state(), "still leader, but held back");
    controller.holdBack(null);
    assertEquals(OwnershipState.OWNER, controller.state());
  }

  @Test
  void failedBind_leavesNothingBound_andRetriesLater() {
    kernel.failAdds = true;
    snapshot = leader(true, 50);
    controller.evaluate();
    assertFalse(controller.state() == OwnershipState.OWNER);
    kernel.failAdds = false;
    advanceMs(10);
    controller.evaluate();
    assertTrue(kernel.bound.isEmpty(), "retries only after the back-off");
    advanceMs(1000);
    controller.evaluate();
    assertEquals(OwnershipState.OWNER, controller.state());
  }

  @Test
  void failedRemoval_staysReleasing_andRetries() {
    snapshot = leader(true, 50);
    controller.evaluate();
    kernel.failRemoves = true;
    snapshot = follower();
    controller.evaluate();
    assertEquals(OwnershipState.RELEASING, controller.state());
    kernel.failRemoves = false;
    advanceMs(1000);
    controller.evaluate();
    assertEquals(OwnershipState.FOLLOWER, controller.state());
    assertTrue(kernel.bound.isEmpty());
  }

  @Test
  void vipRemovedBySomeoneElse_onOwner_isBoundAgainAndAnnounced() throws Exception {
    snapshot = leader(true, 50);
    controller.evaluate();
    Vip bound = kernel.bound.iterator().next();
    kernel.bound.clear();
    advanceMs(20);
    controller.onAddressEvent(new AddressEvent(AddressEvent.Kind.REMOVED,
        new BoundAddress(bound.address(), 32, "end0", 2, true), false, now));
    assertEquals(1, kernel.bound.size());
    assertEquals(List.of("10.4.0.9@0", "10.4.0.9@20"), announced);
  }

  @Test
  void resumedAfterAFreeze_kernelExpiryEvent_releasesInsteadOfRebinding() throws Exception {
    snapshot = leader(true, 50);
    controller.evaluate();
    Vip bound = kernel.bound.iterator().next();
    // Frozen for 3 s: the kernel expired the VIP, the lease ran out, and Ratis has not noticed yet.
    advanceMs(3000);
    kernel.bound.clear();
    snapshot = leader(true, 0);
    controller.onAddressEvent(new AddressEvent(AddressEvent.Kind.REMOVED,
        new BoundAddress(bound.address(), 32, "end0", 2, true), false, now));

    assertTrue(kernel.bound.isEmpty(), "re-bound on a stale OWNER state: " + kernel.bound);
    assertEquals(OwnershipState.LEADER_PENDING, controller.state());
  }

  @Test
  void resumedAfterAFreeze_reconcile_releasesInsteadOfRebinding() throws Exception {
    snapshot = leader(true, 50);
    controller.evaluate();
    advanceMs(3000);
    kernel.bound.clear();
    snapshot = follower();

    controller.reconcileKernel();

    assertTrue(kernel.bound.isEmpty(), "re-bound on a stale OWNER state: " + kernel.bound);
    assertEquals(OwnershipState.FOLLOWER, controller.state());
  }

  @Test
  void vipAddedBySomeoneElse_onFollower_isRemoved() throws Exception {
    Vip v = new Vip(InetAddress.getByName("10.4.0.9"), "end0");
    kernel.bound.add(v);
    controller.onAddressEvent(new AddressEvent(AddressEvent.Kind.ADDED,
        new BoundAddress(v.address(), 32, "end0", 2, false), false, now));
    assertTrue(kernel.bound.isEmpty());
  }

  @Test
  void reconcile_removesStrayVipOnFollower_andRebindsMissingVipOnOwner() throws Exception {
    Vip v = new Vip(InetAddress.getByName("10.4.0.9"), "end0");
    kernel.bound.add(v);
    controller.reconcileKernel();
    assertTrue(kernel.bound.isEmpty());
    snapshot = leader(true, 50);
    controller.evaluate();
    kernel.bound.clear();
    controller.reconcileKernel();
    assertEquals(1, kernel.bound.size());
  }
}
