package io.raftvip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.raftvip.proto.v1.Member;
import io.raftvip.proto.v1.Reachability;
import io.raftvip.proto.v1.Status;
import io.raftvip.testing.FailureRecorder;
import io.raftvip.testing.Netns;
import io.raftvip.testing.TestCertificates;
import io.raftvip.testing.TestCertificates.NodeCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A three-node cluster with mutual TLS (daemons in separate JVMs and namespaces): it elects,
 * owns and rehearses over TLS, and an impostor — a daemon started with a member's id and
 * address but a certificate from another CA — can neither be counted by the leader nor make
 * up a majority once a real member is gone.
 */
@Tag("netns")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class TlsClusterIT {

  private static final String PREFIX = "rvt-tls-";
  @RegisterExtension
  static final FailureRecorder failures = new FailureRecorder();
  private final Map<String, NodeCertificate> certs = new HashMap<>();
  private TestCertificates clusterCa;
  private TestCertificates strangerCa;
  private Path certDir;
  private ClusterLab lab;
  private LabTiming timing;

  @BeforeEach
  void startCluster() throws Exception {
    Netns.requireRootAndNetns();
    assumeTrue(TestCertificates.opensslAvailable(), "SKIPPED: no openssl binary to make test certificates");
    Netns.deleteAll(PREFIX);
    certDir = Files.createTempDirectory("raftvip-tls-it-");
    clusterCa = TestCertificates.create(certDir.resolve("cluster"), "raftvip-cluster-ca");
    strangerCa = TestCertificates.create(certDir.resolve("stranger"), "someone-elses-ca");
    for (String id : List.of("n1", "n2", "n3")) {
      certs.put(id, clusterCa.node(id, ClusterLab.ip(id)));
    }
    lab = new ClusterLab(failures, 3, "{ vip-lifetime: 3s }", PREFIX, id -> "",
        id -> tlsYaml(certs.get(id), clusterCa));
    timing = lab.timing();
    lab.startAll();
  }

  @AfterEach
  void stopCluster() throws Exception {
    if (lab != null) {
      lab.close();
    }
    if (certDir != null) {
      ClusterLab.deleteTree(certDir);
    }
  }

  private static String tlsYaml(NodeCertificate c, TestCertificates ca) {
    return ", tls: { cert: " + c.cert() + ", key: " + c.key() + ", ca: " + ca.caCert + " }";
  }

  private Status status(String id) {
    try (AdminStub admin = new AdminStub(lab.adminSocket(id))) {
      return admin.status();
    }
  }

  @Test
  void impostorWithAnotherCasCertificate_isNeverCounted_andCannotMakeUpAMajority() throws Exception {
    final String owner = lab.awaitOwner(timing.settle());
    final String victim = lab.ids().stream().filter(id -> !id.equals(owner)).findFirst().orElseThrow();
    final String loyal = lab.ids().stream().filter(id -> !id.equals(owner) && !id.equals(victim))
        .findFirst().orElseThrow();

    // The impostor: the victim's id and address, fresh storage, a certificate our CA never signed.
    lab.kill(victim);
    final NodeCertificate forged = strangerCa.node("impostor", ClusterLab.ip(victim));
    final String config = Files.readString(lab.config(victim))
        .replace(certs.get(victim).cert().toString(), forged.cert().toString())
        .replace(certs.get(victim).key().toString(), forged.key().toString())
        .replace(clusterCa.caCert.toString(), strangerCa.caCert.toString())
        .replace("/data", "/impostor-data");
    Files.writeString(lab.config(victim), config);
    lab.start(victim);
    final long restarted = System.nanoTime();
    assertEquals(owner, lab.awaitOwner(timing.settle()), () -> "the owner kept the VIP" + lab.describe(restarted));
    // The impostor serves its admin API once its start-up is through (it first asks the members
    // about themselves, which its certificate cannot do, then starts Raft).
    lab.await(timing.settle(), () -> {
      try {
        status(victim);
        return true;
      } catch (RuntimeException notYet) {
        return false;
      }
    }, "the impostor's admin API to answer");

    // Watch for a while (a negative cannot be polled for; an observation window as long as an
    // election would take): the leader never hears from the impostor, and the impostor never
    // hears of a leader.
    final long until = System.nanoTime() + timing.quiet().toNanos();
    while (System.nanoTime() < until) {
      final Member seen = status(owner).getMembersList().stream()
          .filter(m -> m.getId().equals(victim)).findFirst().orElseThrow();
      assertEquals(Reachability.REACHABILITY_UNREACHABLE, seen.getReachability(),
          () -> "the leader counts the impostor: " + seen + lab.describe(restarted));
      final Status impostor = status(victim);
      assertEquals("", impostor.getLeader(),
          () -> "the impostor learned of a leader: " + impostor + lab.describe(restarted));
      TimeUnit.MILLISECONDS.sleep(50);
    }

    // Without the owner, the loyal member and the impostor would be two of three. Under TLS the
    // impostor cannot vote, so nobody may own the VIP.
    lab.cut(owner);
    lab.kill(owner);
    final long gone = System.nanoTime();
    // An observation window again: an election the impostor could help win would be over by then.
    final long watchUntil = gone + timing.quiet().toNanos();
    while (System.nanoTime() < watchUntil) {
      assertTrue(lab.timeline.since(gone).stream().noneMatch(c -> c.added()),
          () -> "a node bound the VIP with only the impostor's help: " + lab.timeline.since(gone) + lab.describe(gone));
      TimeUnit.MILLISECONDS.sleep(50);
    }
    final Status loyalView = status(loyal);
    assertEquals("", loyalView.getOwner(), () -> "no owner without a real majority: " + loyalView + lab.describe(gone));
    // Logged when the loyal member notices, which need not have happened by the end of the window.
    lab.awaitLogLine(loyal, "QUORUM LOST", timing.failover());
  }
}
