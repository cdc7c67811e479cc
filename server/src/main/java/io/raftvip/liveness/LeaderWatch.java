package io.raftvip.liveness;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The follower's knowledge of its leader's liveness: the newest probe of the leader's Raft port
 * and what it said, judged against how long the leader has been silent. Shared between the
 * detector that probes and the vote gate that asks; thread-safe.
 *
 * <p>Only a probe <em>sent after the leader fell silent</em> counts: an answer from before the
 * silence says nothing about it. The newest such probe wins, so a leader that answered again
 * after a failed probe (a short network blip) is no longer judged gone.
 */
public final class LeaderWatch {

  private final long deadLeaderNanos;

  /** The newest probe: whom, when it was sent, what it said. */
  private record Probe(String leaderId, long sentNanos, PortAnswer answer) {
  }

  private volatile Probe newest;
  private volatile long lastGrantNanos;
  private volatile boolean granted;
  private volatile boolean contending;

  /** @param deadLeaderTimeout the silence from which a leader may be judged anything but live */
  public LeaderWatch(Duration deadLeaderTimeout) {
    this.deadLeaderNanos = deadLeaderTimeout.toNanos();
  }

  /** Records the answer to a probe of {@code leaderId} sent at {@code sentNanos} (System.nanoTime). */
  public synchronized void record(String leaderId, long sentNanos, PortAnswer answer) {
    final Probe current = newest;
    if (current == null || !current.leaderId().equals(leaderId) || sentNanos - current.sentNanos() >= 0) {
      newest = new Probe(leaderId, sentNanos, answer);
    }
  }

  /**
   * @param leaderId the leader the follower knows
   * @param silenceMs how long ago the follower last heard from it
   * @param nowNanos System.nanoTime now
   * @return the verdict on that leader
   */
  public LeaderVerdict judge(String leaderId, long silenceMs, long nowNanos) {
    final long silenceNanos = TimeUnit.MILLISECONDS.toNanos(silenceMs);
    if (silenceNanos < deadLeaderNanos) {
      return LeaderVerdict.LIVE;
    }
    final Probe p = newest;
    if (p == null || !p.leaderId().equals(leaderId) || p.sentNanos() - (nowNanos - silenceNanos) < 0) {
      return LeaderVerdict.UNKNOWN;
    }
    return p.answer() == PortAnswer.ACCEPTED ? LeaderVerdict.STALLED : LeaderVerdict.GONE;
  }

  /**
   * @return whether a probe of {@code leaderId} was sent after {@code sinceNanos} and less than
   *     {@code intervalNanos} ago, so another is not needed yet
   */
  public boolean probedRecently(String leaderId, long sinceNanos, long nowNanos, long intervalNanos) {
    final Probe p = newest;
    return p != null && p.leaderId().equals(leaderId) && p.sentNanos() - sinceNanos >= 0
        && nowNanos - p.sentNanos() < intervalNanos;
  }

  /** Notes that this node just granted another member's pre-vote: that member is stepping forward. */
  public void grantedPreVote(long nowNanos) {
    lastGrantNanos = nowNanos;
    granted = true;
  }

  /** @return whether this node granted a pre-vote within {@code windowNanos} before {@code nowNanos} */
  public boolean grantedWithin(long nowNanos, long windowNanos) {
    return granted && nowNanos - lastGrantNanos < windowNanos;
  }

  /** Notes whether this node is itself stepping forward to replace a gone leader (or to end a leaderless spell). */
  public void contending(boolean now) {
    contending = now;
  }

  /** @return whether this node is stepping forward itself */
  public boolean contending() {
    return contending;
  }

  /** @return the newest answer about {@code leaderId}, for status and logs; null when never probed */
  public PortAnswer lastAnswer(String leaderId) {
    final Probe p = newest;
    return p != null && p.leaderId().equals(leaderId) ? p.answer() : null;
  }
}
