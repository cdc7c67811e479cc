package io.raftvip.vip;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WARN per lease lapse with its cause, but not a line each when they repeat: the first lapse
 * in a minute is logged in full, later ones in that minute are counted and summarised when the
 * minute is over (with the latest cause). An owner that flaps on a starved host says so once a
 * minute instead of filling the journal.
 */
final class LeaseLapseLog {

  private static final Logger LOG = LoggerFactory.getLogger(OwnershipController.class);
  static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final String nodeId;
  private boolean open;
  private long windowStart;
  private int repeated;
  private String latest;

  LeaseLapseLog(String nodeId) {
    this.nodeId = nodeId;
  }

  /**
   * Records a lapse that released the VIP.
   *
   * @return true when it was logged in full; false when only counted (log its transitions quietly)
   */
  boolean lapsed(long now, long term, String cause) {
    flush(now);
    if (!open) {
      open = true;
      windowStart = now;
      LOG.warn("{}: leader lease lapsed, releasing the VIP (term {}): {}", nodeId, term, cause);
      return true;
    }
    repeated++;
    latest = "term " + term + ": " + cause;
    return false;
  }

  /** Ends the window once a minute has passed, with a summary of what it counted. */
  void flush(long now) {
    if (!open || now - windowStart < WINDOW_NANOS) {
      return;
    }
    if (repeated > 0) {
      LOG.warn("{}: {} more leader lease lapses in the last {} s, each a release and re-bind; latest {}",
          nodeId, repeated, TimeUnit.NANOSECONDS.toSeconds(now - windowStart), latest);
    }
    open = false;
    repeated = 0;
    latest = null;
  }

  /** @return true while lapses are being counted rather than logged */
  boolean quiet() {
    return open && repeated > 0;
  }
}
