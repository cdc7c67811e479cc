package io.raftvip.bench.scenario;

import java.util.List;
import io.raftvip.bench.probe.Probe;

/** Reads the client's probe record: the longest stretch without answers, the first answer. */
public final class OutageAnalyzer {

    private OutageAnalyzer() {
    }

    /**
     * Longest gap between consecutive answered probes (by send time) in {@code probes}; a window
     * that ends unanswered counts up to {@code endMicros}.
     *
     * @return the gap in ms, or the whole window when nothing was answered
     */
    public static double longestGapMs(List<Probe> probes, long startMicros, long endMicros) {
        long previous = startMicros;
        long longest = 0;
        boolean any = false;
        for (Probe p : probes) {
            if (p.answered()) {
                if (any) {
                    longest = Math.max(longest, p.sentMicros() - previous);
                }
                previous = p.sentMicros();
                any = true;
            }
        }
        longest = Math.max(longest, endMicros - previous);
        return longest / 1000.0;
    }

    /** @return the send time of the first answered probe at or after {@code fromMicros}, or -1 */
    public static long firstAnswer(List<Probe> probes, long fromMicros) {
        for (Probe p : probes) {
            if (p.answered() && p.sentMicros() >= fromMicros) {
                return p.sentMicros();
            }
        }
        return -1;
    }
}
