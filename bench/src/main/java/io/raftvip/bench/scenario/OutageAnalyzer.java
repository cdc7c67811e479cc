package io.raftvip.bench.scenario;

import java.util.List;
import io.raftvip.bench.probe.Probe;

/**
 * Reads the client's probe record: the longest stretch without answers, how many stretches
 * reached a threshold, the first answer.
 */
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
        long longest = 0;
        for (long gap : gapsMicros(probes, startMicros, endMicros)) {
            longest = Math.max(longest, gap);
        }
        return longest / 1000.0;
    }

    /**
     * How many gaps between consecutive answers (by arrival, and from the last answer to
     * {@code endMicros}) lasted at least {@code thresholdMs}; a window without answers is one gap.
     * With a probe every 2 ms a gap of 10 ms means four probes in a row went unanswered: the
     * client noticed, while a single late answer does not count.
     */
    public static int gapsAtLeast(List<Probe> probes, long startMicros, long endMicros, double thresholdMs) {
        int count = 0;
        for (long gap : gapsMicros(probes, startMicros, endMicros)) {
            if (gap >= thresholdMs * 1000) {
                count++;
            }
        }
        return count;
    }

    private static long[] gapsMicros(List<Probe> probes, long startMicros, long endMicros) {
        // answers parked behind ARP arrive together, out of send order: sort by arrival
        long[] arrivals = probes.stream().filter(Probe::answered).mapToLong(Probe::answeredMicros).sorted().toArray();
        if (arrivals.length == 0) {
            return new long[] {endMicros - startMicros};
        }
        long[] gaps = new long[arrivals.length];
        for (int i = 1; i < arrivals.length; i++) {
            gaps[i - 1] = arrivals[i] - arrivals[i - 1];
        }
        gaps[arrivals.length - 1] = Math.max(0, endMicros - arrivals[arrivals.length - 1]);
        return gaps;
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
