package io.raftvip.bench.steady;

import java.util.ArrayList;
import java.util.List;
import io.raftvip.bench.lab.LabNode;
import io.raftvip.bench.probe.Probe;
import io.raftvip.bench.scenario.OutageAnalyzer;
import io.raftvip.bench.scenario.RunResult;
import io.raftvip.bench.scenario.Session;
import io.raftvip.bench.watch.Interval;
import io.raftvip.bench.watch.Overlap;
import io.raftvip.bench.watch.WindowCounts;

/** Turns the session's watcher and probe logs over a window into an {@link Observation}. */
public final class WindowObserver {

    private final Session s;

    /** @param session whose logs to read */
    public WindowObserver(Session session) {
        this.s = session;
    }

    /**
     * @param fromMicros     window start: events after it count
     * @param toMicros       window end
     * @param gapsFromMicros where the client's gaps start to count (start-together: its first answer)
     * @param crashes        crash runs in the window: each victim counts as releasing at its crash, since
     *                       what it still holds afterwards is a dead, unplugged machine's address
     * @param tally          raftvip's lease losses, or null
     * @return what the window showed
     */
    public Observation observe(long fromMicros, long toMicros, long gapsFromMicros, List<RunResult> crashes,
                        LeaseLossTally tally) {
        List<LabNode> nodes = s.lab().nodes();
        List<String> ids = nodes.stream().map(LabNode::id).toList();
        List<Interval> intervals = withoutDeadMachines(s.holding().intervals(fromMicros, toMicros), crashes, ids);
        List<Probe> probes = s.probes().between(gapsFromMicros, toMicros);
        List<Long> gaps = OutageAnalyzer.lossGapsMicros(probes, gapsFromMicros, toMicros);
        return new Observation(fromMicros, toMicros, ids,
                WindowCounts.of(intervals, nodes.size(), fromMicros, toMicros),
                gaps.stream().mapToLong(Long::longValue).max().orElse(0) / 1000.0,
                (int) gaps.stream().filter(g -> g >= Observation.GAP_MS * 1000).count(),
                Overlap.micros(intervals, fromMicros, toMicros) / 1000.0,
                tally == null ? null : tally.total(), tally == null || tally.complete());
    }

    /** Ends each crash victim's holding at the crash; {@code ids} maps node ids to indexes. */
    static List<Interval> withoutDeadMachines(List<Interval> intervals, List<RunResult> crashes, List<String> ids) {
        List<Interval> out = new ArrayList<>();
        for (Interval i : intervals) {
            Interval kept = i;
            for (RunResult r : crashes) {
                int victim = ids.indexOf(r.oldOwner());
                if (i.node() == victim && i.fromMicros() <= r.eventMicros() && r.eventMicros() < i.untilMicros()) {
                    kept = new Interval(i.node(), i.fromMicros(), r.eventMicros());
                }
            }
            out.add(kept);
        }
        return out;
    }
}
