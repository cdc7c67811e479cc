package io.raftvip.vip;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How an owner rides out a stall of its own process (a GC pause, SIGSTOP, VM steal) instead of
 * dropping the VIP when it resumes.
 *
 * <p>A stalled process can neither renew its lease nor release anything: its kernel keeps the
 * VIP through the stall whatever the rule says. The followers meanwhile see its node answer on its
 * Raft port and wait for the election timeout (see io.raftvip.liveness), so when the owner
 * resumes with its lease lapsed no one else can have been elected unless the stall outlasted
 * that timeout or its node was also cut off. Instead of releasing at once, the resumed owner
 * keeps the VIP for at most {@code confirm} while its heartbeats go out (a stall shows as its
 * ownership loop running late, or as its senders having sent a majority nothing for longer than
 * a heartbeat plus the threshold, as a freshly elected leader's may on a busy host): when a majority
 * acknowledges one sent after the resume, the lease is valid again and nothing happened (a
 * majority still in this term also proves no one else led meanwhile); otherwise it releases.
 *
 * <p>Two separate bounds keep this safe. An owner whose loop was late by less than
 * {@code threshold} gets no grace and releases by {@code lease + threshold} after its last
 * acknowledged heartbeat, before the earliest election ({@code dead-leader timeout}): so a
 * running owner that is merely late and in fact cut off still lets go first. An owner that does
 * get the grace sends heartbeats the moment it resumes; a follower that receives one starts its
 * silence afresh and cannot vote for anyone else for another dead-leader timeout, longer than
 * {@code confirm} (at most the probe timeout). Only an owner cut off during its own stall, or
 * within a round trip of resuming, can overlap with a new owner, as any frozen owner always could
 * until the kernel lifetime ends it.
 *
 * @param threshold how late the ownership loop must run to count as stalled
 * @param confirm how long a resumed owner may wait for a majority to confirm its term
 * @param horizon the owner rides out a stall only while its newest majority acknowledgement is
 *     younger than this (the election timeout minus a heartbeat): after that the followers may
 *     have elected another leader even while its node answered
 * @param lease the lease length, to tell that acknowledgement's age from the lease remaining
 * @param heartbeat the heartbeat period: a leader that sent a majority nothing for longer than a
 *     heartbeat plus the threshold was not running its senders, which also counts as stalled
 */
public record StallGrace(Duration threshold, Duration confirm, Duration horizon, Duration lease,
                         Duration heartbeat) {

  /**
   * The grace for a timing: the stall threshold is half the margin between the lease and the
   * dead-leader timeout (a loop later than that did not run: a stall, not jitter; one less late
   * still releases before the earliest election), the confirmation window is the probe timeout.
   *
   * @return the grace, or {@link #off()} when dead-leader detection is off (then a stalled
   *     owner's followers do not wait for it either)
   */
  public static StallGrace forTiming(Duration lease, Duration deadLeaderTimeout, Duration probeTimeout,
                                     Duration electionTimeoutMin, Duration heartbeat) {
    if (deadLeaderTimeout.isZero()) {
      return off();
    }
    final Duration margin = deadLeaderTimeout.minus(lease);
    return new StallGrace(margin.dividedBy(2), min(probeTimeout, deadLeaderTimeout), electionTimeoutMin.minus(heartbeat),
        lease, heartbeat);
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  /** No riding out: an owner whose lease lapsed during a stall releases when it resumes. */
  public static StallGrace off() {
    return new StallGrace(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /**
   * @return how long this process did not run, judged by its ownership loop's lateness and by how
   *     long it sent a majority nothing beyond a heartbeat; 0 when neither reaches the threshold
   */
  long stallMs(long loopLateNanos, long sendGapMs) {
    final long late = TimeUnit.NANOSECONDS.toMillis(loopLateNanos);
    final long silent = sendGapMs - heartbeat.toMillis();
    final long stall = Math.max(late, silent);
    return stall >= threshold.toMillis() ? stall : 0;
  }

  /** @return whether stalls are ridden out at all */
  public boolean enabled() {
    return !confirm.isZero();
  }
}
