package io.raftvip.bench.scenario;

import java.util.List;
import io.raftvip.bench.probe.Probe;

/** Reads the client's probe record: the longest stretch without answers, the first answer. */
public final class OutageAnalyzer {

    private OutageAnalyzer() {
    }

    /**
     * Longest gap between consecutive answers (by arrival time, as a client experiences it) in
     * {@code probes}; a window that ends unanswered counts up to {@code endMicros}.
     *
     * @return the gap in ms, or the whole window when nothing was answered
     */
    public static double longestGapMs(List<Probe> probes, long startMicros, long endMicros) {
        // answers parked behind ARP arrive together, out of send order: sort by arrival
        long[] arrivals = probes.stream().filter(Probe::answered).mapToLong(Probe::answeredMicros).sorted().toArray();
        if (arrivals.length == 0) {
            return (endMicros - startMicros) / 1000.0;
        }
        long longest = Math.max(0, endMicros - arrivals[arrivals.length - 1]);
        for (int i = 1; i < arrivals.length; i++) {
            longest = Math.max(longest, arrivals[i] - arrivals[i - 1]);
        }
        return longest / 1000.0;
    }

    /** @return when the first answer at or after {@code fromMicros} arrived, or -1 */
    public static long firstAnswer(List<Probe> probes, long fromMicros) {
        long first = Long.MAX_VALUE;
        for (Probe p : probes) {
            if (p.answered() && p.answeredMicros() >= fromMicros) {
                first = Math.min(first, p.answeredMicros());
            }
        }
        return first == Long.MAX_VALUE ? -1 : first;
    }
}
