package io.raftvip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.proto.v1.ReloadResult;
import io.raftvip.proto.v1.Status;
import io.raftvip.testing.FailureRecorder;
import io.raftvip.testing.Netns;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Live reload in a three-node cluster of real daemons (SIGHUP, as {@code systemctl reload} sends
 * it): a VIP added to the files is bound by the owner and reached by the client, one removed is
 * released, ownership never moves; a broken file and a file with keys that need a restart change
 * nothing that holds the VIP, and status, log and metrics say why.
 */
@Tag("netns")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class ReloadIT {

  private static final String PREFIX = "rvr-rl-";
  private static final String SECOND_VIP = "10.213.7.101";
  private static final int METRICS_PORT = 9742;
  @RegisterExtension
  static final FailureRecorder failures = new FailureRecorder();
  private ClusterLab lab;
  private LabTiming timing;

  @BeforeEach
  void startCluster() throws Exception {
    Netns.requireRootAndNetns();
    Netns.deleteAll(PREFIX);
    lab = new ClusterLab(failures, 3, "{ vip-lifetime: 3s }", PREFIX,
        id -> "metrics: { listen: " + ClusterLab.ip(id) + ":" + METRICS_PORT + " }");
    timing = lab.timing();
    lab.startAll();
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

  /** Edits every node's file and reloads every node, as an operator rolls a change out. */
  private void reloadAll(java.util.function.UnaryOperator<String> edit) throws Exception {
    for (String id : lab.ids()) {
      lab.editConfig(id, edit);
      lab.reload(id);
    }
  }

  private void awaitReloadResult(String id, ReloadResult expected) {
    lab.await(timing.failover(), () -> status(id).getLastReloadResult() == expected,
        id + "'s status to report a reload " + expected, () -> status(id).getLastReloadMessage());
  }

  /** The lab's VIP stayed with {@code owner} since {@code t0}: no release, nobody else bound it. */
  private void assertUntouched(String owner, long t0) {
    final List<AddressTimeline.Change> changes = lab.timeline.since(t0);
    assertEquals(List.of(), changes.stream().filter(c -> !c.added()).toList(),
        () -> "the owner released nothing" + lab.describe(t0));
    assertEquals(List.of(), changes.stream().filter(c -> c.added() && !c.node().equals(owner)).toList(),
        () -> "no other node bound the VIP" + lab.describe(t0));
    assertEquals(List.of(owner), lab.timeline.holders(), () -> "the owner holds it" + lab.describe(t0));
  }

  @Test
  void reloadAddsAVip_theOwnerBindsIt_andTheClientReachesIt_thenRemovingReleasesIt() throws Exception {
    final String owner = lab.awaitStableOwner();
    final long t0 = System.nanoTime();

    reloadAll(yaml -> {
      assertTrue(yaml.contains("vips:\n"), yaml);
      return yaml.replace("vips:\n", "vips:\n  - { address: " + SECOND_VIP + ", interface: eth0 }\n");
    });

    for (String id : lab.ids()) {
      awaitReloadResult(id, ReloadResult.RELOAD_APPLIED);
    }
    lab.await(timing.failover(), () -> owner.equals(lab.probeOnce(SECOND_VIP, Duration.ofMillis(200))),
        "the client to reach " + SECOND_VIP + " on the owner " + owner, () -> "holders " + lab.kernelHolders(SECOND_VIP));
    assertEquals(List.of(owner), lab.kernelHolders(SECOND_VIP), "only the owner binds the added VIP");
    assertUntouched(owner, t0);
    final Status s = status(owner);
    assertEquals(2, s.getVipsCount(), s::toString);
    assertTrue(s.getVipsList().stream().allMatch(v -> v.getBoundHere()), s::toString);
    assertTrue(s.getLastReloadMessage().startsWith("vips ([10.213.7.100 on eth0] -> [10.213.7.101 on eth0,"
        + " 10.213.7.100 on eth0])"), s.getLastReloadMessage());

    // Now the first VIP goes: the owner releases it, keeps the other.
    final long t1 = System.nanoTime();
    final String firstVip = "  - { address: '" + ClusterLab.VIP + "', interface: eth0 }\n";
    reloadAll(yaml -> {
      assertTrue(yaml.contains(firstVip), () -> "the lab's file lists " + firstVip + yaml);
      return yaml.replace(firstVip, "");
    });
    lab.await(timing.failover(), () -> lab.timeline.holders().isEmpty(), "the removed VIP " + ClusterLab.VIP
        + " to be released everywhere");
    assertEquals(List.of(owner), lab.kernelHolders(SECOND_VIP));
    assertEquals(owner, lab.probeOnce(SECOND_VIP, Duration.ofSeconds(1)));
    assertTrue(lab.timeline.since(t1).stream().allMatch(c -> !c.added() && c.node().equals(owner)),
        () -> "only the owner's release of the removed VIP: " + lab.timeline.since(t1));
  }

  @Test
  void brokenFile_changesNothing_andStatusLogAndMetricsSayWhy() throws Exception {
    final String owner = lab.awaitStableOwner();
    final List<String> original = lab.ids().stream().map(id -> {
      try {
        return java.nio.file.Files.readString(lab.config(id));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }).toList();
    final long t0 = System.nanoTime();

    // A typo in a key and a second VIP on an interface no node has: refused whole, nothing applied.
    reloadAll(yaml -> yaml.replace("timing:", "timming:")
        .replace("vips:\n", "vips:\n  - { address: " + SECOND_VIP + ", interface: eth9 }\n"));

    for (String id : lab.ids()) {
      awaitReloadResult(id, ReloadResult.RELOAD_REFUSED);
      final String message = status(id).getLastReloadMessage();
      assertTrue(message.startsWith("the file is invalid, nothing was changed: "), message);
      assertTrue(message.contains("unknown key 'timming' at top level (did you mean 'timing'?)"), message);
      assertTrue(message.contains("vips[0].interface: 'eth9' not found; this host has: "), message);
      lab.awaitLogLine(id, "WARN  [raftvip-reload] ConfigReloader - " + id + ": reload of " + lab.config(id)
          + " refused: the file is invalid, nothing was changed: ", timing.failover());
    }
    final var scrape = MetricsScrape.from(lab.clientNs(), ClusterLab.ip(owner), METRICS_PORT);
    assertEquals(1.0, scrape.value("raftvip_config_reloads_total{result=\"refused\"}").orElseThrow());
    assertEquals(0.0, scrape.value("raftvip_config_last_reload_successful").orElseThrow());
    assertEquals(List.of(), lab.kernelHolders(SECOND_VIP), "nothing of the refused file was applied");

    // Keys that only a restart changes: named, the rest of the file applied, the VIP left alone.
    for (int i = 0; i < lab.ids().size(); i++) {
      final String fixed = original.get(i).replace("{ vip-lifetime: 3s }", "{ vip-lifetime: 4s }");
      java.nio.file.Files.writeString(lab.config(lab.ids().get(i)), fixed);
      lab.reload(lab.ids().get(i));
    }
    for (String id : lab.ids()) {
      awaitReloadResult(id, ReloadResult.RELOAD_PARTIAL);
      assertEquals("no live changes; not applied, these keys cannot change while raftvip runs: timing.vip-lifetime"
          + " (3s -> 4s) (restore them in the file, or restart raftvip to apply them)",
          status(id).getLastReloadMessage());
    }
    assertUntouched(owner, t0);
    assertEquals(owner, status(owner).getOwner());
  }
}
