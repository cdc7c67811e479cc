package io.raftvip.it;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a lab's VIPs as one group, from the address watchers of every node. Binding N addresses
 * takes N netlink requests, so on a node "all bound or none" can only mean: the node's set of
 * VIPs is complete or empty, except while one bind or release runs through them in turn, and
 * such a transition only grows (none to all) or only shrinks (all to none), never turning back
 * halfway (a partial bind undone) and never stopping halfway. And at no moment do two nodes hold
 * VIPs of the group, even different ones.
 *
 * <p>A lifetime renewal (an add of a VIP the node already holds) changes nothing.
 */
final class AllOrNone {

  /** A change of one VIP on one node. */
  private record Change(String vip, String node, boolean added, long nanos) {
  }

  /** The outcome: what broke the rule, and the longest transition (ms) for the report. */
  record Result(List<String> violations, long longestTransitionMicros, int transitions) {
  }

  private AllOrNone() {
  }

  /**
   * @param timelines  the group's VIPs and their timelines
   * @param sinceNanos only what happened at or after this time counts (the history before it
   *                   still sets the state)
   * @param ignoreNode a node whose holding may overlap and whose VIPs may go one by one (a killed
   *                   owner keeps them until each one's kernel lifetime ends), or null
   */
  static Result check(Map<String, AddressTimeline> timelines, long sinceNanos, String ignoreNode) {
    final int size = timelines.size();
    final List<Change> all = new ArrayList<>();
    timelines.forEach((vip, t) -> t.changes().forEach(c -> all.add(new Change(vip, c.node(), c.added(), c.nanos()))));
    all.sort(Comparator.comparingLong(Change::nanos)); // stable: one node's changes keep their order
    final Map<String, Set<String>> held = new TreeMap<>();
    final Map<String, Long> partialSince = new HashMap<>();
    final Map<String, Boolean> growing = new HashMap<>();
    final List<String> violations = new ArrayList<>();
    long longest = 0;
    int transitions = 0;
    Set<String> overlapping = Set.of();
    for (Change c : all) {
      final Set<String> mine = held.computeIfAbsent(c.node(), n -> new HashSet<>());
      final int before = mine.size();
      if (c.added() ? !mine.add(c.vip()) : !mine.remove(c.vip())) {
        continue; // a renewal, or the removal of something not held
      }
      final int after = mine.size();
      final boolean counts = c.nanos() >= sinceNanos;
      if (size > 1 && !c.node().equals(ignoreNode)) {
        if (before == 0 || before == size) {
          partialSince.put(c.node(), c.nanos());
          growing.put(c.node(), after > before);
        } else if (growing.get(c.node()) != (after > before) && counts) {
          violations.add(String.format("%s turned back halfway: %s %s at %s with %d of %d VIPs held",
              c.node(), c.added() ? "bound" : "released", c.vip(), ms(c.nanos(), sinceNanos), before, size));
        }
        if (after == 0 || after == size) {
          final long from = partialSince.remove(c.node());
          if (counts) {
            longest = Math.max(longest, (c.nanos() - from) / 1000);
            transitions++;
          }
        }
      }
      final Set<String> holding = new HashSet<>();
      held.forEach((node, vips) -> {
        if (!vips.isEmpty() && !node.equals(ignoreNode)) {
          holding.add(node);
        }
      });
      if (holding.size() > 1 && !holding.equals(overlapping) && counts) {
        violations.add(String.format("two nodes hold VIPs at %s: %s", ms(c.nanos(), sinceNanos), describe(held)));
      }
      overlapping = holding.size() > 1 ? holding : Set.of();
    }
    partialSince.forEach((node, from) -> violations.add(String.format(
        "%s stopped halfway: holds %s of %s since %s", node, held.get(node), timelines.keySet(), ms(from, sinceNanos))));
    return new Result(violations, longest, transitions);
  }

  private static String describe(Map<String, Set<String>> held) {
    final StringBuilder b = new StringBuilder();
    held.forEach((node, vips) -> {
      if (!vips.isEmpty()) {
        b.append(b.length() == 0 ? "" : ", ").append(node).append(' ').append(new TreeSet<>(vips));
      }
    });
    return b.toString();
  }

  private static String ms(long nanos, long sinceNanos) {
    return ClusterDiagnostics.relative(nanos, sinceNanos);
  }
}
