package io.raftvip.vip;

import java.time.Duration;

/**
 * When to announce an owned VIP: at once on bind, {@code repeat - 1} more times {@code interval}
 * apart (receivers with old kernels and some switches ignore a GARP inside their lock time), then
 * every {@code refresh} (0 = never) while the VIP stays owned.
 */
final class AnnouncementPlan {

  private final int repeat;
  private final long intervalNanos;
  private final long refreshNanos;
  private int sent;
  private long nextAtNanos;

  AnnouncementPlan(int repeat, Duration interval, Duration refresh) {
    this.repeat = repeat;
    this.intervalNanos = interval.toNanos();
    this.refreshNanos = refresh.toNanos();
  }

  /** Starts over: the next {@link #due} is immediately. */
  void restart(long nowNanos) {
    sent = 0;
    nextAtNanos = nowNanos;
  }

  /** @return whether a round is due now */
  boolean due(long nowNanos) {
    return nextAtNanos != Long.MAX_VALUE && nowNanos - nextAtNanos >= 0;
  }

  /** Records a sent round and schedules the next. */
  void sent(long nowNanos) {
    sent++;
    if (sent < repeat) {
      nextAtNanos = nowNanos + intervalNanos;
    } else if (refreshNanos > 0) {
      nextAtNanos = nowNanos + refreshNanos;
    } else {
      nextAtNanos = Long.MAX_VALUE;
    }
  }
}
