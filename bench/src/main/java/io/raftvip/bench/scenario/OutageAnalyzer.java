package io.raftvip.bench.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.raftvip.bench.probe.Probe;

/**
 * Reads the client's probe record: the longest stretch without answers, the stretches in which
 * probes were lost, the first answer.
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
     * The stretches without answers in which the VIP was really missing: gaps between consecutive
     * answers (by arrival, and from the last answer to {@code endMicros}) during which at least one
     * probe was sent and never answered. A gap without a lost probe is the bench itself being late
     * (its prober or responder threads starved on a busy host: probes not sent, or answered late
     * but within the timeout), not the VIP. A window without answers is one gap.
     *
     * @return the gaps' lengths in µs, in order
     */
    public static List<Long> lossGapsMicros(List<Probe> probes, long startMicros, long endMicros) {
        long[] arrivals = probes.stream().filter(Probe::answered).mapToLong(Probe::answeredMicros).sorted().toArray();
        long[] lost = probes.stream().filter(p -> !p.answered()).mapToLong(Probe::sentMicros).sorted().toArray();
        List<Long> out = new ArrayList<>();
        if (arrivals.length == 0) {
            if (lost.length > 0) {
                out.add(endMicros - startMicros);
            }
            return out;
        }
        for (int i = 0; i < arrivals.length; i++) {
            long from = arrivals[i];
            long to = i + 1 < arrivals.length ? arrivals[i + 1] : Math.max(from, endMicros);
            if (to > from && anyIn(lost, from, to)) {
                out.add(to - from);
            }
        }
        return out;
    }

    /** @return whether some value of sorted {@code values} lies in {@code [from, to)} */
    private static boolean anyIn(long[] values, long from, long to) {
        int i = Arrays.binarySearch(values, from);
        i = i < 0 ? -i - 1 : i;
        return i < values.length && values[i] < to;
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
