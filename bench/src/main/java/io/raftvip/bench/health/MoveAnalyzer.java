package io.raftvip.bench.health;

import java.util.List;
import io.raftvip.bench.probe.Probe;
import io.raftvip.bench.scenario.OutageAnalyzer;
import io.raftvip.bench.watch.Interval;
import io.raftvip.bench.watch.Overlap;

/** Turns what the client and the address watchers saw around a health-move event into a {@link MoveRun}. */
public final class MoveAnalyzer {

    private MoveAnalyzer() {
    }

    /**
     * @param nodes     node ids by index
     * @param oldOwner  index of the node whose check was made to fail
     * @param t0        the event (epoch µs)
     * @param end       end of observation (epoch µs)
     * @param probes    the client's probes from the event to {@code end}
     * @param intervals who held the VIP, every interval touching {@code [t0, end)}
     * @param recovered whether another node answered steadily in time
     */
    public static MoveRun analyze(String impl, int run, List<String> nodes, int oldOwner, long t0, long end,
                                  List<Probe> probes, List<Interval> intervals, boolean recovered) {
        long answer = Long.MAX_VALUE;
        for (Probe p : probes) {
            if (p.answered() && p.node() != oldOwner && p.answeredMicros() >= t0) {
                answer = Math.min(answer, p.answeredMicros());
            }
        }
        long release = Long.MAX_VALUE;
        long bind = Long.MAX_VALUE;
        int binder = -1;
        for (Interval i : intervals) {
            if (i.node() == oldOwner && !i.open() && i.untilMicros() >= t0 && i.untilMicros() <= end) {
                release = Math.min(release, i.untilMicros());
            }
            if (i.node() != oldOwner && i.fromMicros() >= t0 && i.fromMicros() <= end && i.fromMicros() < bind) {
                bind = i.fromMicros();
                binder = i.node();
            }
        }
        long longestGap = OutageAnalyzer.lossGapsMicros(probes, t0, end).stream().mapToLong(Long::longValue)
                .max().orElse(0);
        return new MoveRun(impl, run, nodes.get(oldOwner), binder < 0 ? null : nodes.get(binder), since(t0, answer),
                since(t0, release), since(t0, bind), longestGap / 1000.0, Overlap.micros(intervals, t0, end) / 1000.0,
                recovered, t0, end);
    }

    private static Double since(long t0, long micros) {
        return micros == Long.MAX_VALUE ? null : (micros - t0) / 1000.0;
    }
}
