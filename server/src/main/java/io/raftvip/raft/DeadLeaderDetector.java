package io.raftvip.raft;

import io.raftvip.liveness.LeaderVerdict;
import io.raftvip.liveness.LeaderWatch;
import io.raftvip.liveness.PortAnswer;
import io.raftvip.liveness.PortProbe;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A follower's watch over its leader. While heartbeats arrive it sleeps; once the leader has been
 * silent for {@code dead-leader-timeout - probe-timeout} it probes the leader's Raft port (again
 * every probe timeout while the silence lasts) and records the answers in the {@link LeaderWatch};
 * once the leader is judged gone, the followers step forward in a fixed order (higher priority
 * first, then by id), each a turn later than the one before, and the first one a majority agrees
 * with wins an {@link EarlyElection}. A leader that is only stalled is left alone: Ratis' election
 * timeout (the stall tolerance) decides about it. With no leader known, the same turns apply.
 *
 * <pre>
 *   silence:  0 ──── probe-after ──── dead-leader-timeout ──── + turn ──── election-timeout min
 *             live    probing          stalled: wait / gone: step forward   Ratis' own election
 * </pre>
 */
final class DeadLeaderDetector implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DeadLeaderDetector.class);
  private static final long IDLE_TICK_MS = 100;
  private static final long SUSPECT_TICK_MS = 5;
  private static final long LEADERLESS_SPACING_MS = 50;

  private final DivisionReader reader;
  private final LeaderWatch watch;
  private final PortProbe probe;
  private final RaftTiming timing;
  private final EarlyElection election;
  private final ScheduledExecutorService ticker;
  private final ExecutorService prober;
  private final ExecutorService voteRpc;
  private final AtomicBoolean probing = new AtomicBoolean();
  private final long turnMs;
  private long lastCampaignNanos;

  DeadLeaderDetector(DivisionReader reader, LeaderWatch watch, PortProbe probe, RaftTiming timing) {
    this.reader = reader;
    this.watch = watch;
    this.probe = probe;
    this.timing = timing;
    // One turn: followers later in the order start a little later (the vote gate makes the one
    // earlier in the order win anyway); also the spacing of a follower's quick retries.
    this.turnMs = Math.max(10, timing.probeTimeout().toMillis() / 2);
    this.ticker = singleThread("raftvip-leader-watch");
    this.prober = Executors.newSingleThreadExecutor(daemon("raftvip-leader-probe"));
    this.voteRpc = Executors.newCachedThreadPool(daemon("raftvip-early-vote"));
    this.election = new EarlyElection(reader, voteRpc, 2 * timing.probeTimeout().toMillis() + 50);
  }

  private static ThreadFactory daemon(String name) {
    return r -> {
      final Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }

  private static ScheduledExecutorService singleThread(String name) {
    final ScheduledThreadPoolExecutor ex = new ScheduledThreadPoolExecutor(1, daemon(name));
    ex.setRemoveOnCancelPolicy(true);
    return ex;
  }

  void start() {
    schedule(timing.deadLeaderTimeout().toMillis());
  }

  private void schedule(long delayMs) {
    try {
      ticker.schedule(this::tickGuarded, Math.max(1, delayMs), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closed) {
      // closing: the watch ends
    }
  }

  private void tickGuarded() {
    long next = IDLE_TICK_MS;
    try {
      next = tick(System.nanoTime());
    } catch (RuntimeException e) {
      if (reader.closed()) {
        // Removed from the group (or stopping): Ratis closed the log under us; nothing left to watch.
        LOG.debug("{}: leader watch ends: the Raft division is closed ({})", reader.self(), e.toString());
        return;
      }
      LOG.error("{}: leader watch: unexpected error (a bug); continuing", reader.self(), e);
    }
    schedule(next);
  }

  /** @return ms until the next tick */
  long tick(long now) {
    final DivisionReader.FollowerView f = reader.follower();
    if (!f.follower()) {
      watch.contending(false);
      return IDLE_TICK_MS;
    }
    final long silence = f.silenceMs();
    final long probeAfter = timing.probeAfter().toMillis();
    if (silence < probeAfter) {
      watch.contending(false);
      return probeAfter - silence;
    }
    if (!f.leaderId().isEmpty()) {
      probeIfDue(f, now);
    }
    final Optional<Integer> turn = reader.turn(f.leaderId());
    if (turn.isEmpty()) {
      watch.contending(false);
      return IDLE_TICK_MS; // not a voting member (e.g. joining): never campaigns
    }
    final long stepForwardAt = timing.deadLeaderTimeout().toMillis() + turn.get() * turnMs;
    if (silence < stepForwardAt) {
      watch.contending(false);
      return Math.min(SUSPECT_TICK_MS, stepForwardAt - silence);
    }
    final boolean gone;
    final String why;
    if (f.leaderId().isEmpty()) {
      gone = true;
      why = "no leader for " + silence + " ms";
    } else {
      gone = watch.judge(f.leaderId(), silence, now) == LeaderVerdict.GONE;
      why = "leader " + f.leaderId() + " is gone (silent " + silence + " ms, its Raft port "
          + describe(watch.lastAnswer(f.leaderId())) + ")";
    }
    // A pre-vote can fail because a voter's own silence is up to a heartbeat shorter (heartbeats
    // to different followers are not sent at the same instant) and its probe's verdict up to a
    // probe timeout later: retry a turn apart for that long, then leave it to Ratis' timer rather
    // than keep asking an unreachable majority. Without any leader (a cluster starting, the
    // other members starting one by one) keep asking at a gentler pace: the majority appears
    // as they come up.
    final boolean leaderless = f.leaderId().isEmpty();
    final boolean quick = leaderless
        || silence < stepForwardAt + 2 * (timing.heartbeat().toMillis() + timing.probeTimeout().toMillis());
    final long spacing = leaderless ? LEADERLESS_SPACING_MS : quick ? turnMs : timing.electionTimeoutMin().toMillis();
    watch.contending(gone && quick);
    // A member this node just granted a pre-vote to is stepping forward: let it, rather than
    // split the vote by campaigning too.
    final boolean yielding = watch.grantedWithin(now, TimeUnit.MILLISECONDS.toNanos(2 * turnMs));
    if (gone && !yielding && now - lastCampaignNanos >= TimeUnit.MILLISECONDS.toNanos(spacing)) {
      lastCampaignNanos = now;
      election.run(f.leaderId(), why);
    }
    return SUSPECT_TICK_MS;
  }

  private static String describe(PortAnswer answer) {
    return answer == PortAnswer.REFUSED ? "refuses connections" : "does not answer";
  }

  private void probeIfDue(DivisionReader.FollowerView f, long now) {
    final long silentSince = now - TimeUnit.MILLISECONDS.toNanos(f.silenceMs());
    if (watch.probedRecently(f.leaderId(), silentSince, now, timing.probeTimeout().toNanos())
        || f.leaderAddress().isEmpty() || !probing.compareAndSet(false, true)) {
      return;
    }
    try {
      prober.execute(() -> {
        try {
          final long sent = System.nanoTime();
          final PortAnswer answer = probe.probe(f.leaderAddress(), timing.probeTimeout());
          watch.record(f.leaderId(), sent, answer);
          LOG.debug("{}: leader {} silent, probe of {}: {}", reader.self(), f.leaderId(), f.leaderAddress(), answer);
        } finally {
          probing.set(false);
        }
      });
    } catch (RejectedExecutionException closed) {
      probing.set(false);
    }
  }

  @Override
  public void close() {
    ticker.shutdownNow();
    prober.shutdownNow();
    voteRpc.shutdownNow();
  }
}
