package io.raftvip.daemon;

import io.raftvip.raft.LeadershipRehearsal;
import io.raftvip.raft.LeadershipSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link LeadershipRehearsal} once, in the background, after the node has known one
 * leader for a second (or a settle time passed), so that it does not compete for the CPU with
 * the first election and the first owner's first commit.
 *
 * <p>The leader rehearses too: its JVM has been elected, but handing leadership over (SIGTERM,
 * {@code raftvipctl transfer}) is still cold there. A failed rehearsal only costs speed.
 */
public final class BackgroundRehearsal implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(BackgroundRehearsal.class);
  /**
   * Starts the one log line that says the rehearsal is over (done or failed); tests and the
   * benchmark wait for it before they measure a failover.
   */
  public static final String MARKER = "failover rehearsal: ";
  /** How long one leader must have been known before the rehearsal takes CPU. */
  static final Duration LEADER_QUIET = Duration.ofSeconds(1);
  private final Thread thread;

  /** What the background thread runs: {@link LeadershipRehearsal#run()}, or a fake in tests. */
  @FunctionalInterface
  interface Rehearsal {
    LeadershipRehearsal.Outcome run() throws Exception;
  }

  private BackgroundRehearsal(Thread thread) {
    this.thread = thread;
  }

  static BackgroundRehearsal start(String nodeId, LeadershipSource raft, Rehearsal rehearsal, Duration settle) {
    final Thread t = new Thread(() -> run(nodeId, raft, rehearsal, settle), "raftvip-rehearsal");
    t.setDaemon(true);
    t.start();
    return new BackgroundRehearsal(t);
  }

  private static void run(String nodeId, LeadershipSource raft, Rehearsal rehearsal, Duration settle) {
    try {
      awaitSettled(raft, settle);
      LOG.info("{}: rehearsing an election and a transfer on a throwaway local Raft group "
          + "(members rehearsal-1..3, their Ratis messages are not logged) so the first real failover runs warm",
          nodeId);
      final long start = System.nanoTime();
      final LeadershipRehearsal.Outcome o = rehearsal.run();
      LOG.info("{}: {}done in {} ms ({} elected, then {} by transfer)", nodeId, MARKER,
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), o.elected(), o.transferredTo());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("{}: {}failed ({}); the first failover may be slower, nothing else changes",
          nodeId, MARKER, e.toString());
    }
  }

  /**
   * Returns once this node has known the same leader for {@link #LEADER_QUIET}, or after
   * {@code settle}: by then a new leader has committed its first entry and bound the VIP.
   */
  private static void awaitSettled(LeadershipSource raft, Duration settle) throws InterruptedException {
    final long deadline = System.nanoTime() + settle.toNanos();
    String leader = "";
    long leaderSince = System.nanoTime();
    while (System.nanoTime() < deadline) {
      final String now = raft.snapshot().leaderId();
      if (!now.equals(leader)) {
        leader = now;
        leaderSince = System.nanoTime();
      } else if (!leader.isEmpty() && System.nanoTime() - leaderSince >= LEADER_QUIET.toNanos()) {
        return;
      }
      TimeUnit.MILLISECONDS.sleep(50); // waiting for the cluster to settle, bounded by `settle`
    }
  }

  /** Stops a rehearsal still running (the daemon is stopping) and waits briefly for its clean-up. */
  @Override
  public void close() throws InterruptedException {
    thread.interrupt();
    thread.join(TimeUnit.SECONDS.toMillis(5));
  }
}
