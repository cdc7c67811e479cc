package io.raftvip.raft;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs refused peers at WARN, at most once per {@code period} for the same caller and reason: an
 * impostor retries every few milliseconds, and one line with a count says as much as thousands.
 */
final class RefusalLog {

  private static final Logger LOG = LoggerFactory.getLogger(PeerIdentityGate.class);

  private record Entry(long lastLoggedNanos, int suppressed) {
  }

  private final String selfId;
  private final long periodNanos;
  private final LongSupplier nanoClock;
  private final Map<String, Entry> recent = new HashMap<>();

  RefusalLog(String selfId, long periodMillis, LongSupplier nanoClock) {
    this.selfId = selfId;
    this.periodNanos = TimeUnit.MILLISECONDS.toNanos(periodMillis);
    this.nanoClock = nanoClock;
  }

  /**
   * @param key who was refused for what (certificate subject and claimed member)
   * @param line the message, after the node id
   * @return the line as logged, or null when it was counted instead
   */
  synchronized String refused(String key, String line) {
    final long now = nanoClock.getAsLong();
    final Entry e = recent.get(key);
    if (e != null && now - e.lastLoggedNanos() < periodNanos) {
      recent.put(key, new Entry(e.lastLoggedNanos(), e.suppressed() + 1));
      return null;
    }
    if (recent.size() > 1000) {
      recent.clear(); // a flood of distinct callers must not grow this without bound
    }
    recent.put(key, new Entry(now, 0));
    final String text = e == null || e.suppressed() == 0 ? line
        : line + " (" + e.suppressed() + " more refused like this since the last report)";
    LOG.warn("{}: {}", selfId, text);
    return text;
  }
}
