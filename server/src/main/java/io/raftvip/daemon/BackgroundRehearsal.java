package io.raftvip.daemon;

import io.raftvip.raft.LeadershipRehearsal;
import io.raftvip.raft.LeadershipSnapshot;
import io.raftvip.raft.LeadershipSource;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link LeadershipRehearsal} once, in the background, on a node that has known the same
 * leader for a few seconds, at a random moment within the next few, so that the nodes do not
 * rehearse together and nothing competes with the cluster's first seconds. The leader rehearses
 * too: it has been elected, but handing leadership over is still cold there. A failed rehearsal
 * only costs speed.
 */
public final class BackgroundRehearsal implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundRehearsal.class);
  /**
   * Starts the one log line that says the rehearsal is over (done or failed); tests and
   * the benchmark wait for it before they measure a hand-over.
   */
  public static final String MARKER = "failover rehearsal: ";
  /** How long one leader must have been known before the rehearsal takes CPU. */
  static final Duration SETTLED = Duration.ofSeconds(3);
  /** The rehearsal starts at a random moment this long after the node settled. */
  static final Duration SPREAD = Duration.ofSeconds(2);
  private final Thread thread;

  /** What the background thread runs: {@link LeadershipRehearsal#run()}, or a fake in tests. */
  @FunctionalInterface
  interface Rehearsal {
    LeadershipRehearsal.Outcome run() throws Exception;
  }

  private BackgroundRehearsal(Thread thread) {
    this.thread = thread;
  }

  static BackgroundRehearsal start(String nodeId, LeadershipSource raft, Rehearsal rehearsal) {
    final Thread t = new Thread(() -> run(nodeId, raft, rehearsal, SETTLED, SPREAD), "raftvip-rehearsal");
    t.setDaemon(true);
    t.start();
    return new BackgroundRehearsal(t);
  }

  static void run(String nodeId, LeadershipSource raft, Rehearsal rehearsal, Duration settled, Duration spread) {
    try {
      awaitSettled(raft, settled, spread);
      final long start = System.nanoTime();
      final LeadershipRehearsal.Outcome o = rehearsal.run();
      LOG.info("{}: {}done in {} ms on a throwaway local group ({} elected, then {} by transfer), so the"
          + " first real hand-over to this node runs warm", nodeId, MARKER,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), o.elected(), o.transferredTo());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("{}: {}failed ({}); the first hand-over to this node may be slower, nothing else changes",
          nodeId, MARKER, e.toString());
    }
  }

  /** Returns once this node has known the same leader for {@code settled} and a random part of {@code spread}. */
  private static void awaitSettled(LeadershipSource raft, Duration settled, Duration spread)
      throws InterruptedException {
    final long pause = settled.toNanos() + ThreadLocalRandom.current().nextLong(Math.max(1, spread.toNanos()));
    String leader = "";
    long since = System.nanoTime();
    while (true) {
      final LeadershipSnapshot s = raft.snapshot();
      if (!s.leaderId().equals(leader)) {
        leader = s.leaderId();
        since = System.nanoTime();
      } else if (!leader.isEmpty() && System.nanoTime() - since >= pause) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(50); // waiting for the cluster to settle
    }
  }

  /** Stops a rehearsal still running (the daemon is stopping) and waits briefly for its clean-up. */
  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join(TimeUnit.SECONDS.toMillis(5));
  }
}
