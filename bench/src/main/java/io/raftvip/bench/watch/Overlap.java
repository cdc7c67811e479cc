package io.raftvip.bench.watch;

import java.util.List;

/** Two owners at once: how long, within a window, two or more nodes held the VIP together. */
public final class Overlap {

    private Overlap() {
    }

    /**
     * Total time in {@code [fromMicros, toMicros)} during which two different nodes' intervals
     * intersect; with three holders at once each pair counts.
     */
    public static long micros(List<Interval> intervals, long fromMicros, long toMicros) {
        long total = 0;
        for (int a = 0; a < intervals.size(); a++) {
            for (int b = a + 1; b < intervals.size(); b++) {
                Interval x = intervals.get(a);
                Interval y = intervals.get(b);
                if (x.node() == y.node()) {
                    continue;
                }
                long start = Math.max(Math.max(x.fromMicros(), y.fromMicros()), fromMicros);
                long end = Math.min(Math.min(x.untilMicros(), y.untilMicros()), toMicros);
                total += Math.max(0, end - start);
            }
        }
        return total;
    }
}
