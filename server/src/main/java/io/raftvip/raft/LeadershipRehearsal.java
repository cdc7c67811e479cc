package io.raftvip.raft;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Runs, once, the Raft paths a hand-over depends on — an election, becoming leader, the first
 * commit of a term, the leader lease and a leadership transfer (the target's election without
 * pre-vote) — on a throwaway group of real Ratis members inside this JVM, then deletes it.
 *
 * <p>Why: the first time a JVM leads, Ratis builds its leader state and log appenders, opens
 * streams and links their code for the first time, all on the hand-over's critical path.
 * Measured on a 2-core machine: a node's first hand-over 85–150 ms, later ones 37–50 ms.
 *
 * <p>The group has its own group id, member ids ({@value #ID_PREFIX}N, which no real member can
 * have: member ids cannot contain ':') and ports on this node's Raft address; nothing outside
 * this JVM talks to it and it never touches a VIP. Its heartbeats are slow, so it costs the real
 * cluster little CPU while it lives (about a second).
 */
public final class LeadershipRehearsal {

  /** The rehearsal's member ids start with this; the log filter keeps their Ratis chatter out. */
  public static final String ID_PREFIX = "rehearsal:";

  private final String host;
  private final Path tmpParent;
  private final int members;
  private final RaftTiming timing;
  private final RaftTls tls;
  private final Duration stepTimeout;

  /**
   * @param host        this node's Raft host (the group listens on free ports there)
   * @param tmpParent   where the throwaway group's storage goes for the seconds it lives (a temp
   *                    directory: never the node's Raft storage, which Ratis scans for groups)
   * @param tls         the node's Raft TLS, or null: the group uses the same transport
   * @param members     how many throwaway members (2 suffice to elect and transfer)
   * @param stepTimeout how long each step may take before the rehearsal gives up
   */
  public LeadershipRehearsal(String host, Path tmpParent, int members, RaftTiming timing, RaftTls tls,
                             Duration stepTimeout) {
    this.members = members;
    this.host = host;
    this.tmpParent = tmpParent;
    this.timing = timing;
    this.tls = tls;
    this.stepTimeout = stepTimeout;
  }

  /** Who led the throwaway group: first by election, then by transfer. */
  public record Outcome(String elected, String transferredTo) {
  }

  /**
   * Runs the rehearsal; always removes the throwaway group and its directory.
   *
   * @return the members that led, for the log and for tests
   * @throws IOException if a member cannot start, a step times out, or a transfer fails
   * @throws InterruptedException if interrupted (the daemon is stopping)
   */
  public Outcome run() throws IOException, InterruptedException {
    final Path scratch = Files.createTempDirectory(tmpParent, "raftvip-rehearsal-");
    final UUID group = UUID.randomUUID();
    final List<RaftNode> nodes = new ArrayList<>();
    try {
      final List<Integer> ports = new ArrayList<>();
      for (int i = 0; i < members; i++) {
        ports.add(freePort());
      }
      final List<PeerSpec> peers = new ArrayList<>();
      for (int i = 0; i < ports.size(); i++) {
        peers.add(new PeerSpec(ID_PREFIX + (i + 1),
            (host.contains(":") ? "[" + host + "]" : host) + ":" + ports.get(i), 0));
      }
      for (int i = 0; i < ports.size(); i++) {
        final String id = peers.get(i).id();
        nodes.add(RaftNode.start(id, host, ports.get(i), peers, group, scratch.resolve("m" + (i + 1)), timing, tls,
            RaftEventListener.NONE));
      }
      return electThenTransfer(nodes);
    } finally {
      closeAll(nodes);
      deleteRecursively(scratch);
    }
  }

  /**
   * Waits for a leader, then hands leadership to another member. On a starved machine the
   * short election timeouts can move leadership between the two steps (Ratis then refuses the
   * transfer: DIFFERENT_LEADER), so the pair is retried until the step timeout.
   */
  private Outcome electThenTransfer(List<RaftNode> nodes) throws IOException, InterruptedException {
    final long deadline = System.nanoTime() + stepTimeout.toNanos();
    while (true) {
      final RaftNode leader = await(nodes, "a leader");
      final RaftNode target = nodes.stream().filter(n -> n != leader).findFirst().orElseThrow();
      try {
        leader.transferLeadership(target.selfId(), stepTimeout).join();
        await(List.of(target), "the transfer target to lead");
        return new Outcome(leader.selfId(), target.selfId());
      } catch (CompletionException | IOException e) {
        if (System.nanoTime() - deadline > 0) {
          throw new IOException("transfer failed: " + (e.getCause() == null ? e : e.getCause()), e);
        }
      }
    }
  }

  /** Closes the members side by side: each Ratis close waits about a second for its threads. */
  private static void closeAll(List<RaftNode> nodes) {
    final List<CompletableFuture<Void>> closing = new ArrayList<>();
    for (RaftNode n : nodes) {
      closing.add(CompletableFuture.runAsync(() -> {
        try {
          n.close();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }));
    }
    for (CompletableFuture<Void> c : closing) {
      try {
        c.join();
      } catch (CompletionException e) {
        // best effort: the group is throwaway and its directory goes next
      }
    }
  }

  /** Waits until one of {@code nodes} leads with a committed entry of its term and a valid lease. */
  private RaftNode await(List<RaftNode> nodes, String what) throws IOException, InterruptedException {
    final long deadline = System.nanoTime() + stepTimeout.toNanos();
    while (System.nanoTime() < deadline) {
      final Optional<RaftNode> leader = nodes.stream().filter(leadsWithLease()).findFirst();
      if (leader.isPresent()) {
        leader.get().members(); // the status path a leader serves
        return leader.get();
      }
      TimeUnit.MILLISECONDS.sleep(5); // polling a local object: cheap, bounded by the deadline
    }
    throw new IOException("rehearsal: no " + what + " within " + stepTimeout.toMillis() + " ms");
  }

  private static Predicate<RaftNode> leadsWithLease() {
    return n -> {
      final LeadershipSnapshot s = n.snapshot();
      return s.leader() && s.ready() && s.leaseRemainingMs() > 0;
    };
  }

  private int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return s.getLocalPort();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
