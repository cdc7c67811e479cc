package io.raftvip.bench.watch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * What the address watchers saw within a window, per node: how often each node released and
 * bound the VIP, and how often ownership moved, i.e. a node bound the VIP that is not the one
 * that held (or last bound) it before. A node that loses the VIP and binds it again is a release
 * and a bind but no move.
 *
 * @param releases per node index, releases strictly inside the window
 * @param binds    per node index, binds strictly inside the window
 * @param moves    binds by a node other than the previous holder
 */
public record WindowCounts(List<Integer> releases, List<Integer> binds, int moves) {

    /**
     * Counts the events of {@code intervals} strictly between {@code fromMicros} and
     * {@code toMicros}. The owner at the start is the node holding the VIP at {@code fromMicros}
     * (the latest to bind, should two hold it); with none, the first bind is no move.
     */
    public static WindowCounts of(List<Interval> intervals, int nodeCount, long fromMicros, long toMicros) {
        List<Integer> releases = new ArrayList<>(Collections.nCopies(nodeCount, 0));
        List<Integer> binds = new ArrayList<>(Collections.nCopies(nodeCount, 0));
        int owner = -1;
        long ownerSince = Long.MIN_VALUE;
        List<Interval> bindsInWindow = new ArrayList<>();
        for (Interval i : intervals) {
            if (i.fromMicros() <= fromMicros && fromMicros < i.untilMicros() && i.fromMicros() >= ownerSince) {
                owner = i.node();
                ownerSince = i.fromMicros();
            }
            if (i.fromMicros() > fromMicros && i.fromMicros() < toMicros) {
                binds.set(i.node(), binds.get(i.node()) + 1);
                bindsInWindow.add(i);
            }
            if (!i.open() && i.untilMicros() > fromMicros && i.untilMicros() < toMicros) {
                releases.set(i.node(), releases.get(i.node()) + 1);
            }
        }
        bindsInWindow.sort(Comparator.comparingLong(Interval::fromMicros));
        int moves = 0;
        for (Interval bind : bindsInWindow) {
            if (owner >= 0 && bind.node() != owner) {
                moves++;
            }
            owner = bind.node();
        }
        return new WindowCounts(List.copyOf(releases), List.copyOf(binds), moves);
    }

    /** @return the time of the last bind or release strictly inside the window, if any */
    public static OptionalLong lastEvent(List<Interval> intervals, long fromMicros, long toMicros) {
        long last = Long.MIN_VALUE;
        for (Interval i : intervals) {
            if (i.fromMicros() > fromMicros && i.fromMicros() < toMicros) {
                last = Math.max(last, i.fromMicros());
            }
            if (!i.open() && i.untilMicros() > fromMicros && i.untilMicros() < toMicros) {
                last = Math.max(last, i.untilMicros());
            }
        }
        return last == Long.MIN_VALUE ? OptionalLong.empty() : OptionalLong.of(last);
    }

    /** @return releases by all nodes */
    public int totalReleases() {
        return releases.stream().mapToInt(Integer::intValue).sum();
    }

    /** @return binds by all nodes */
    public int totalBinds() {
        return binds.stream().mapToInt(Integer::intValue).sum();
    }
}
