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
 * vote, be replicated to or lead.
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
    final RaftNode n = RaftNode.start(self.id(), "127.0.0.1", port, peers, group, tmp.resolve(self.id()),
        TIMING, tls, RaftEventListener.NONE);
    nodes.add(n);
    return n;
  }

  private static RaftTls tls(TestCertificates c) {
    return new RaftTls(c.nodeCert, c.nodeKey, c.caCert);
  }

  private static PeerSpec peer(String id) throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return new PeerSpec(id, "127.0.0.1:" + s.getLocalPort(), 0);
    }
  }
}
