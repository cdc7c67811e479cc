package io.raftvip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.testing.FailureRecorder;
import io.raftvip.testing.Netns;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Failover, partition and graceful stop of a cluster whose nodes run the VIPs of a {@link
 * LabLayout} (an IPv6 VIP, a dual-stack pair, two interfaces), end to end: three daemons, a
 * client probing every VIP, netlink watchers on every node. Beyond what {@link ClusterFailoverIT}
 * checks for one IPv4 VIP, every scenario proves that
 * <ul>
 *   <li>the VIPs move as one group: on each node all bound or none, and never two nodes holding
 *       any of them at once ({@link AllOrNone});</li>
 *   <li>a partitioned owner releases every VIP before the new owner binds any;</li>
 *   <li>the new owner's announcements (gratuitous ARP, unsolicited NA) update the neighbour cache
 *       of a bystander host that sends nothing itself, so only an announcement can have changed
 *       its entry, and the probing client's cache points at the new owner too;</li>
 *   <li>an IPv6 VIP is bound without duplicate address detection (NODAD), never tentative.</li>
 * </ul>
 *
 * <p>A subclass names the layout and a namespace prefix; it is the {@code *IT} failsafe runs.
 */
@Tag("netns")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class VipGroupClusterTests {

  /** Namespace prefix of these ITs. */
  static final String PREFIX = "rv6-";
  /** The bystander's host part in every subnet. */
  private static final int BYSTANDER_HOST = 96;

  @RegisterExtension
  static final FailureRecorder failures = new FailureRecorder();
  ClusterLab lab;
  LabTiming timing;
  private Netns bystander;
  /** When this test's restore began: the start of the window its checks cover. */
  private long began;

  /** @return the VIPs every node runs with */
  abstract LabLayout layout();

  @BeforeAll
  void startCluster() throws Exception {
    Netns.requireRootAndNetns();
    Netns.deleteAll(PREFIX);
    lab = new ClusterLab(failures, 3, "{ vip-lifetime: 3s }", PREFIX, layout());
    timing = lab.timing();
    bystander = lab.attachHost("by", BYSTANDER_HOST);
    report("layout", layout() + "; timing " + timing);
    lab.startAll();
  }

  @AfterAll
  void stopCluster() throws Exception {
    if (lab != null) {
      lab.close();
    }
  }

  @BeforeEach
  void restore() throws Exception {
    began = System.nanoTime();
    lab.restore();
  }

  void report(String scenario, String text) {
    System.out.println("[raftvip-it] " + getClass().getSimpleName() + " " + scenario + ": " + text);
  }

  @Test
  void ownerCrashes_everyVipMovesTogether_andAnnouncementsReachTheNeighbours() throws Exception {
    final String owner = lab.awaitOwner(timing.settle());
    seedBystander(owner);
    final long t0 = System.nanoTime();
    lab.cut(owner);
    lab.kill(owner);
    final String next = lab.awaitNewOwner(timing.failover(), owner, List.of(owner));
    assertNotEquals(owner, next);
    report("crash", owner + " -> " + next + ", client outage per VIP " + outages(t0, owner) + " ms");
    assertGroupRule(t0, owner);
    assertBoundWithoutDad(next, t0);
    assertNeighboursFollow(next, t0);
    assertStatusShowsEveryVipBound(next, t0);
    // The dead owner's VIPs stay until their kernel lifetime ends (nothing ran its release);
    // waited for here, so the next test does not begin with them still bound.
    lab.await(timing.lifetimeExpiry(), () -> lab.timelines().values().stream().noneMatch(t -> t.holds(owner)),
        "the kernel to expire the dead owner's VIPs");
  }

  @Test
  void partitionedOwner_releasesEveryVipBeforeTheNewOwnerBindsAny() throws Exception {
    final String owner = lab.awaitOwner(timing.settle());
    seedBystander(owner);
    final long t0 = System.nanoTime();
    lab.cut(owner);
    final String next = lab.awaitNewOwner(timing.failover(), owner, List.of());
    assertNotEquals(owner, next);
    long lastRelease = -1;
    long firstBind = Long.MAX_VALUE;
    for (LabLayout.LabVip vip : layout().vips()) {
      final List<AddressTimeline.Change> changes = lab.timeline(vip.address()).since(t0);
      final long released = changes.stream().filter(c -> c.node().equals(owner) && !c.added())
          .mapToLong(AddressTimeline.Change::nanos).findFirst().orElse(-1);
      final long bound = changes.stream().filter(c -> c.node().equals(next) && c.added())
          .mapToLong(AddressTimeline.Change::nanos).findFirst().orElse(-1);
      assertTrue(released > 0, () -> "the partitioned owner released " + vip + lab.describe(t0));
      assertTrue(bound > 0, () -> "the new owner bound " + vip + lab.describe(t0));
      lastRelease = Math.max(lastRelease, released);
      firstBind = Math.min(firstBind, bound);
    }
    final long released = lastRelease;
    final long bound = firstBind;
    report("partition", owner + " released every VIP after " + (released - t0) / 1_000_000 + " ms; " + next
        + " bound the first after " + (bound - t0) / 1_000_000 + " ms; margin " + (bound - released) / 1_000_000
        + " ms");
    assertTrue(released < bound,
        () -> "the old owner must release every VIP before the new owner binds any" + lab.describe(t0));
    assertGroupRule(t0, null);
    assertBoundWithoutDad(next, t0);
    assertNeighboursFollow(next, t0);
    final long rejoined = System.nanoTime();
    lab.reconnect(owner);
    final String settled = lab.awaitOwner(timing.settle());
    for (LabLayout.LabVip vip : layout().vips()) {
      assertEquals(List.of(settled), lab.timeline(vip.address()).holders(),
          () -> "one holder of " + vip + " after the rejoin" + lab.describe(rejoined));
    }
    assertGroupRule(rejoined, null);
  }

  @Test
  void ownerGetsSigterm_everyVipMovesTogether() throws Exception {
    final String owner = lab.awaitOwner(timing.settle());
    final long t0 = System.nanoTime();
    lab.signal(owner, "TERM");
    final String next = lab.awaitNewOwner(timing.failover(), owner, List.of());
    assertNotEquals(owner, next);
    report("graceful", owner + " -> " + next + ", client outage per VIP " + outages(t0, owner) + " ms");
    assertGroupRule(t0, null);
    lab.awaitExit(owner);
  }

  /**
   * The owner's admin API lists every VIP as configured (IPv6 in the short form an operator
   * writes and {@code ip addr} shows) and bound here.
   */
  private void assertStatusShowsEveryVipBound(String owner, long t0) {
    final List<String> expected = layout().vips().stream().map(v -> v.address() + " bound here").toList();
    final List<String>[] seen = new List[1];
    try (AdminStub admin = new AdminStub(lab.adminSocket(owner))) {
      lab.await(timing.failover(), () -> {
        seen[0] = admin.status().getVipsList().stream()
            .map(v -> v.getAddress() + (v.getBoundHere() ? " bound here" : " not here")).toList();
        return expected.equals(seen[0]);
      }, owner + "'s status to list " + expected, () -> String.valueOf(seen[0]));
    }
  }

  /** Gives the bystander an entry for every VIP that points at {@code owner}, as after talking to it. */
  private void seedBystander(String owner) {
    for (LabLayout.LabVip vip : layout().vips()) {
      NeighbourCache.seedStale(bystander, vip.address(), vip.iface(), NeighbourCache.mac(lab.nodeNs(owner), vip.iface()));
    }
  }

  /** @return per VIP, the longest gap the client saw until a node other than {@code owner} answered */
  private Map<String, Long> outages(long t0, String owner) {
    final Map<String, Long> outages = new LinkedHashMap<>();
    for (LabLayout.LabVip vip : layout().vips()) {
      final long outage = lab.probe(vip.address()).outageMillis(t0, owner);
      assertTrue(outage >= 0, () -> "the client heard the new owner on " + vip + lab.describe(t0));
      outages.put(vip.address(), outage);
    }
    return outages;
  }

  /** All bound or none on each node, no two holders of any VIP, from {@link #began} on. */
  private void assertGroupRule(long t0, String ignoreNode) {
    for (LabLayout.LabVip vip : layout().vips()) {
      assertEquals(List.of(), lab.timeline(vip.address()).overlapsSince(began, ignoreNode),
          () -> "no two live holders of " + vip + lab.describe(t0));
    }
    final AllOrNone.Result group = AllOrNone.check(lab.timelines(), began, ignoreNode);
    assertEquals(List.of(), group.violations(), () -> "the VIPs move as one group" + lab.describe(t0));
    if (layout().vips().size() > 1) {
      report("group", group.transitions() + " transitions since the restore, the longest from the first VIP to"
          + " the last " + group.longestTransitionMicros() + " us");
    }
  }

  /** Every IPv6 VIP on {@code owner} carries NODAD and is not tentative: usable at once. */
  private void assertBoundWithoutDad(String owner, long t0) {
    for (LabLayout.LabVip vip : layout().vips()) {
      if (!vip.ipv6()) {
        continue;
      }
      final String line = lab.nodeNs(owner).exec("ip", "-6", "-o", "addr", "show", "dev", vip.iface(), "to",
          vip.address() + "/128").trim();
      assertTrue(line.contains(vip.address() + "/128") && line.contains("nodad") && !line.contains("tentative"),
          () -> vip + " on " + owner + " must be a /128 with NODAD, not tentative: '" + line + "'" + lab.describe(t0));
      final long bound = lab.timeline(vip.address()).since(t0).stream().filter(c -> c.node().equals(owner) && c.added())
          .mapToLong(AddressTimeline.Change::nanos).findFirst().orElseThrow();
      report("ipv6", vip + " on " + owner + ": '" + line.replaceAll("\\s+", " ") + "'; first client answer "
          + firstAnswerAfter(vip.address(), owner, bound) + " ms after the bind");
    }
  }

  private long firstAnswerAfter(String vip, String owner, long bound) {
    final ClientProbe probe = lab.probe(vip);
    final long[] first = {-1};
    lab.await(timing.failover(), () -> {
      first[0] = probe.firstAnswerAfter(owner, bound);
      return first[0] >= 0;
    }, owner + " to answer on " + vip);
    return (first[0] - bound) / 1_000_000;
  }

  /**
   * The bystander's entries (seeded with the old owner's MAC, and no traffic of its own since)
   * and the client's now point at {@code owner}'s MAC on each VIP's interface.
   */
  private void assertNeighboursFollow(String owner, long t0) {
    for (LabLayout.LabVip vip : layout().vips()) {
      final String mac = NeighbourCache.mac(lab.nodeNs(owner), vip.iface());
      for (Netns host : List.of(bystander, lab.clientNs())) {
        final String who = host == bystander ? "the bystander" : "the client";
        final NeighbourCache.Entry[] seen = new NeighbourCache.Entry[1];
        lab.await(timing.failover(), () -> {
          seen[0] = NeighbourCache.entry(host, vip.address(), vip.iface());
          return seen[0] != null && mac.equals(seen[0].lladdr());
        }, who + "'s neighbour entry for " + vip + " to point at " + owner + " (" + mac + ")",
            () -> String.valueOf(seen[0]));
        report("neighbours", who + ": " + vip.address() + " -> " + seen[0] + " (" + owner + ")");
      }
    }
  }
}
