package io.raftvip.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Who held the VIP when, from address watchers on every node (one clock: the test JVM's
 * nanoTime). Proves or disproves "never two owners".
 */
final class AddressTimeline {

  /** One node's VIP was added (true) or removed (false) at nanos. */
  record Change(String node, boolean added, long nanos) {
  }

  /** Both nodes held the VIP from {@code fromNanos} to {@code toNanos}. */
  record Overlap(String a, String b, long fromNanos, long toNanos) {
    long millis() {
      return (toNanos - fromNanos) / 1_000_000;
    }
  }

  private final List<Change> changes = new ArrayList<>();

  synchronized void record(String node, boolean added, long nanos) {
    changes.add(new Change(node, added, nanos));
  }

  synchronized List<Change> changes() {
    return List.copyOf(changes);
  }

  /** @return the changes at or after {@code sinceNanos} */
  synchronized List<Change> since(long sinceNanos) {
    return changes.stream().filter(c -> c.nanos() >= sinceNanos).toList();
  }

  /** @return whether the node holds the VIP according to its latest change */
  synchronized boolean holds(String node) {
    for (int i = changes.size() - 1; i >= 0; i--) {
      if (changes.get(i).node().equals(node)) {
        return changes.get(i).added();
      }
    }
    return false;
  }

  /** @return whether the node bound the VIP at or after {@code sinceNanos} */
  synchronized boolean boundSince(String node, long sinceNanos) {
    return changes.stream().anyMatch(c -> c.node().equals(node) && c.added() && c.nanos() >= sinceNanos);
  }

  /** @return the nodes holding the VIP now */
  synchronized List<String> holders() {
    final Map<String, Boolean> held = new TreeMap<>();
    changes.forEach(c -> held.put(c.node(), c.added()));
    return held.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
  }

  /**
   * @param ignoreNode a node whose holding is expected to overlap (a frozen owner whose VIP the
   *                   kernel expires), or null
   * @return every interval in which two nodes held the VIP at once
   */
  synchronized List<Overlap> overlaps(String ignoreNode) {
    final Map<String, Long> heldSince = new TreeMap<>();
    final List<Overlap> overlaps = new ArrayList<>();
    for (Change c : changes) {
      if (c.node().equals(ignoreNode)) {
        continue;
      }
      if (c.added()) {
        for (Map.Entry<String, Long> other : heldSince.entrySet()) {
          if (!other.getKey().equals(c.node())) {
            overlaps.add(new Overlap(other.getKey(), c.node(), c.nanos(), -1));
          }
        }
        heldSince.putIfAbsent(c.node(), c.nanos());
      } else {
        heldSince.remove(c.node());
        for (int i = 0; i < overlaps.size(); i++) {
          final Overlap o = overlaps.get(i);
          if (o.toNanos() == -1 && (o.a().equals(c.node()) || o.b().equals(c.node()))) {
            overlaps.set(i, new Overlap(o.a(), o.b(), o.fromNanos(), c.nanos()));
          }
        }
      }
    }
    return overlaps;
  }

  /** @return the overlaps (see {@link #overlaps(String)}, none ignored) still open at or after {@code sinceNanos} */
  synchronized List<Overlap> overlapsSince(long sinceNanos) {
    return overlapsSince(sinceNanos, null);
  }

  /**
   * @return the overlaps (see {@link #overlaps(String)}, {@code ignoreNode} ignored) still open at
   *         or after {@code sinceNanos}: an overlap that began earlier and lasted into that time counts
   */
  synchronized List<Overlap> overlapsSince(long sinceNanos, String ignoreNode) {
    return overlaps(ignoreNode).stream().filter(o -> o.toNanos() < 0 || o.toNanos() >= sinceNanos).toList();
  }
}
