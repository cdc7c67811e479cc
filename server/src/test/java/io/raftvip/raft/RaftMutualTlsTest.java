package io.raftvip.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.raftvip.config.TimingConfig;
import io.raftvip.testing.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raft between real Ratis members on loopback with mutual TLS: members with certificates from the
 * cluster's CA elect, replicate and transfer; a member whose certificate another CA signed cannot
 * vote, be replicated to or lead; nor can one whose certificate the cluster's CA issued for
 * another address.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class RaftMutualTlsTest {

  private static final RaftTiming TIMING = TimingConfig.defaults().raftTiming();

  @TempDir
  Path tmp;
  private final List<RaftNode> nodes = new ArrayList<>();
  private TestCertificates cluster;
  private TestCertificates stranger;

  @BeforeEach
  void certificates() throws IOException {
    assumeTrue(TestCertificates.opensslAvailable(), "SKIPPED: no openssl binary to make test certificates");
    cluster = TestCertificates.create(tmp.resolve("cluster-ca"), "raftvip-cluster-ca");
    stranger = TestCertificates.create(tmp.resolve("other-ca"), "someone-elses-ca");
  }

  @AfterEach
  void closeNodes() throws IOException {
    for (RaftNode n : nodes) {
      n.close();
    }
  }

  @Test
  void membersOfTheClustersCa_electReplicateAndTransfer() throws Exception {
    final LeadershipRehearsal.Outcome o = new LeadershipRehearsal("127.0.0.1", tmp, 3,
        TIMING, tls(cluster), Duration.ofSeconds(30)).run();

    assertNotEquals(o.elected(), o.transferredTo(), "leadership moved over TLS");
  }

  @Test
  void aMemberWithAnotherCasCertificate_neverJoinsNorLeads() throws Exception {
    final List<PeerSpec> peers = List.of(peer("a"), peer("b"), peer("x"));
    final UUID group = UUID.randomUUID();
    final RaftNode a = start(peers.get(0), peers, group, tls(cluster));
    final RaftNode b = start(peers.get(1), peers, group, tls(cluster));
    final RaftNode x = start(peers.get(2), peers, group, tls(stranger));

    final RaftNode leader = awaitLeader(List.of(a, b, x), Duration.ofSeconds(30));
    assertNotEquals("x", leader.selfId(), "the stranger must not lead");
    // Watch for a while (a negative cannot be polled for): the stranger never hears of a leader,
    // never leads, and the leader's view of its last acknowledgement never gets fresher.
    final long window = 1500;
    final long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(window);
    final long firstAge = ackAgeOf(leader, "x");
    while (System.nanoTime() < until) {
      assertEquals("", x.snapshot().leaderId(), "the stranger learned of a leader");
      assertFalse(x.snapshot().leader(), "the stranger leads");
      TimeUnit.MILLISECONDS.sleep(20);
    }
    assertTrue(ackAgeOf(leader, "x") >= firstAge + window, "the leader got an acknowledgement from the stranger");
    assertTrue(ackAgeOf(leader, leader.selfId().equals("a") ? "b" : "a") < TIMING.lease().toMillis() * 3,
        "the trusted follower keeps acknowledging");
  }

  @Test
  void aCertificateTheCaSignedForAnotherAddress_cannotVoteNorLead() throws Exception {
    // Members on distinct loopback addresses, so a certificate names one of them only. x runs at
    // 127.0.0.3 with a valid certificate of the cluster's CA issued for 127.0.0.4. With b down, a
    // and x would be two of three: without the identity check x wins a's vote (their logs are
    // equally empty) and leads.
    final List<PeerSpec> peers = List.of(peerAt("a", "127.0.0.1"), peerAt("b", "127.0.0.2"), peerAt("x", "127.0.0.3"));
    final UUID group = UUID.randomUUID();
    final RaftNode a = start(peers.get(0), peers, group, tls(cluster, "a", "127.0.0.1"));
    final RaftNode x = start(peers.get(2), peers, group, tls(cluster, "x", "127.0.0.4"));

    final long until = System.nanoTime() + TIMING.electionTimeoutMax().toNanos() * 6;
    while (System.nanoTime() < until) {
      assertFalse(a.snapshot().leader() || x.snapshot().leader(), "a leader was elected with x's vote or lead");
      assertEquals("", a.snapshot().leaderId(), "a learned of a leader");
      TimeUnit.MILLISECONDS.sleep(20);
    }

    // The control: with b's honest certificate, a and b elect at once.
    final RaftNode b = start(peers.get(1), peers, group, tls(cluster, "b", "127.0.0.2"));
    assertTrue(List.of("a", "b").contains(awaitLeader(List.of(a, b, x), Duration.ofSeconds(30)).selfId()));
  }

  private static RaftTls tls(TestCertificates ca, String name, String ip) throws IOException {
    final TestCertificates.NodeCertificate c = ca.node(name, ip);
    return RaftTls.of(ca.tls(c.cert(), c.key()));
  }

  private static PeerSpec peerAt(String id, String ip) throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(ip))) {
      return new PeerSpec(id, ip + ":" + s.getLocalPort(), 0);
    }
  }

  private static long ackAgeOf(RaftNode leader, String id) {
    return leader.members().stream().filter(m -> m.peer().id().equals(id)).findFirst().orElseThrow().ackAgeMs();
  }

  private RaftNode awaitLeader(List<RaftNode> candidates, Duration timeout) throws InterruptedException {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (RaftNode n : candidates) {
        final LeadershipSnapshot s = n.snapshot();
        if (s.leader() && s.ready() && s.leaseRemainingMs() > 0) {
          return n;
        }
      }
      TimeUnit.MILLISECONDS.sleep(10);
    }
    throw new AssertionError("no leader with a lease within " + timeout.toMillis() + " ms");
  }

  private RaftNode start(PeerSpec self, List<PeerSpec> peers, UUID group, RaftTls tls) throws IOException {
    final int port = Integer.parseInt(self.address().substring(self.address().lastIndexOf(':') + 1));
    final String host = self.address().substring(0, self.address().lastIndexOf(':'));
    final RaftNode n = RaftNode.start(self.id(), host, port, peers, group, tmp.resolve(self.id()),
        TIMING, tls, RaftEventListener.NONE);
    nodes.add(n);
    return n;
  }

  private static RaftTls tls(TestCertificates c) {
    return RaftTls.of(c.tls(c.nodeCert, c.nodeKey));
  }

  private static PeerSpec peer(String id) throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new PeerSpec(id, "127.0.0.1:" + s.getLocalPort(), 0);
    }
  }
}
