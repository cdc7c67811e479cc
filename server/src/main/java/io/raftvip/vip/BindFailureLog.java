package io.raftvip.vip;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ERROR when the VIP cannot be bound, not one a second: the leader retries every second, and
 * a missing capability fails every time. The first failure (and any failure with another cause)
 * is logged in full with its fix; repeats are counted and summarised once a minute while they
 * last ("still failing (60 attempts in the last 60 s)"); the bind that ends them is logged once.
 */
final class BindFailureLog {

  private static final Logger LOG = LoggerFactory.getLogger(OwnershipController.class);
  static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final String nodeId;
  private String current;
  private long firstNanos;
  private long windowStart;
  private int repeats;
  private int total;

  BindFailureLog(String nodeId) {
    this.nodeId = nodeId;
  }

  /** Records one failed attempt. */
  void failed(long now, long term, BindFailure failure) {
    total++;
    if (!failure.message().equals(current)) {
      if (current == null) {
        firstNanos = now;
      }
      current = failure.message();
      windowStart = now;
      repeats = 0;
      LOG.error("{}: {} (term {}); retrying every second, repeats are summarised once a minute", nodeId,
          failure.message(), term);
      return;
    }
    repeats++;
    if (now - windowStart >= WINDOW_NANOS) {
      LOG.error("{}: still failing ({} attempts in the last {} s): {}", nodeId, repeats,
          TimeUnit.NANOSECONDS.toSeconds(now - windowStart), failure.message());
      windowStart = now;
      repeats = 0;
    }
  }

  /** The VIPs are bound: ends a run of failures, if there was one. */
  void bound(long now) {
    if (current == null) {
      return;
    }
    LOG.info("{}: bound the VIP after {} failed attempts over {} s", nodeId, total,
        TimeUnit.NANOSECONDS.toSeconds(now - firstNanos));
    current = null;
    total = 0;
    repeats = 0;
  }
}
