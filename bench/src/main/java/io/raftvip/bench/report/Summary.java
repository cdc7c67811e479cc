package io.raftvip.bench.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import io.raftvip.bench.scenario.RunResult;
import io.raftvip.bench.scenario.Scenario;

/**
 * The statistics of one implementation in one scenario: percentiles of the headline number
 * (nearest rank), overlap and never-released counts.
 *
 * @param implementation     implementation key
 * @param scenario           scenario
 * @param runs               number of runs
 * @param p50Ms              median of the headline number
 * @param p95Ms              95th percentile
 * @param maxMs              maximum
 * @param unrecovered        runs in which no new owner answered before the deadline
 * @param overlapCount       runs with two holders at once
 * @param overlapMaxMs       longest such overlap
 * @param neverReleasedCount partition runs where the old owner kept the VIP
 * @param releaseBeforeBind  partition runs where the old owner released before the new one bound
 */
public record Summary(String implementation, Scenario scenario, int runs, double p50Ms, double p95Ms, double maxMs,
                      int unrecovered, int overlapCount, double overlapMaxMs, int neverReleasedCount,
                      int releaseBeforeBind) {

    /** Summarises the runs of one implementation in one scenario (at least one run). */
    public static Summary of(String implementation, Scenario scenario, List<RunResult> results) {
        List<Double> values = new ArrayList<>();
        int unrecovered = 0;
        int overlaps = 0;
        double overlapMax = 0;
        int never = 0;
        int beforeBind = 0;
        for (RunResult r : results) {
            values.add(r.outageMs());
            unrecovered += r.recovered() ? 0 : 1;
            overlaps += r.overlapped() ? 1 : 0;
            overlapMax = Math.max(overlapMax, r.overlapMs());
            never += r.neverReleased() ? 1 : 0;
            if (r.releaseMs() != null && r.bindMs() != null && r.releaseMs() <= r.bindMs()) {
                beforeBind++;
            }
        }
        Collections.sort(values);
        return new Summary(implementation, scenario, values.size(), rank(values, 50), rank(values, 95),
                values.get(values.size() - 1), unrecovered, overlaps, overlapMax, never, beforeBind);
    }

    private static double rank(List<Double> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
