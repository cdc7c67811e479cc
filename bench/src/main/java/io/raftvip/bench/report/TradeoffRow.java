package io.raftvip.bench.report;

import java.util.List;
import java.util.Optional;
import io.raftvip.bench.daemon.FootprintSampler.Footprint;
import io.raftvip.bench.scenario.Scenario;
import io.raftvip.bench.steady.StallTolerance;
import io.raftvip.bench.steady.SteadyResult;

/**
 * One row of the trade-off table: what a timing profile (or a keepalived setting, for reference)
 * buys and costs. Null numbers were not measured.
 *
 * @param name              profile name, or the keepalived key
 * @param timing            the timing string ("" = the daemon's defaults), or null for keepalived
 * @param stallTolerance    largest stall with zero releases and zero moves, e.g. {@code 200 ms} / {@code < 50 ms}
 * @param crashP50Ms        crash failover outage, p50
 * @param crashP95Ms        p95
 * @param partitionP50Ms    partition failover outage, p50
 * @param releaseBeforeBind partition runs where the old owner let go before the new one bound, {@code x/n}
 * @param overlaps          crash and partition runs and stall series with two owners at once
 * @param cpuMaxPercent     idle CPU, the busiest node (the leader, as a rule), % of a core
 * @param cpuMeanPercent    idle CPU, mean over the nodes
 * @param rssMeanMib        RSS, mean over the nodes
 */
public record TradeoffRow(String name, String timing, String stallTolerance, Double crashP50Ms, Double crashP95Ms,
                          Double partitionP50Ms, String releaseBeforeBind, int overlaps, Double cpuMaxPercent,
                          Double cpuMeanPercent, Double rssMeanMib) {

    /**
     * Builds the row of implementation {@code key} from everything measured.
     *
     * @param footprint the implementation's idle footprint, or null
     */
    public static TradeoffRow of(String name, String timing, String key, List<Summary> summaries,
                                 List<SteadyResult> steadiness, List<Footprint> footprint) {
        Optional<Summary> crash = find(summaries, key, Scenario.CRASH);
        Optional<Summary> partition = find(summaries, key, Scenario.PARTITION);
        List<SteadyResult> stalls = steadiness.stream().filter(r -> r.implementation().equals(key)
                && r.stallMs() != null).toList();
        int overlaps = crash.map(Summary::overlapCount).orElse(0) + partition.map(Summary::overlapCount).orElse(0)
                + (int) stalls.stream().filter(r -> r.observation().overlapMs() > 0).count();
        boolean idle = footprint != null && !footprint.isEmpty();
        return new TradeoffRow(name, timing,
                stalls.isEmpty() ? null : SteadinessMarkdown.tolerance(stalls, false),
                crash.map(Summary::p50Ms).orElse(null), crash.map(Summary::p95Ms).orElse(null),
                partition.map(Summary::p50Ms).orElse(null),
                partition.map(s -> s.releaseBeforeBind() + "/" + s.runs()).orElse(null), overlaps,
                idle ? footprint.stream().mapToDouble(Footprint::cpuPercent).max().orElse(0) : null,
                idle ? footprint.stream().mapToDouble(Footprint::cpuPercent).average().orElse(0) : null,
                idle ? footprint.stream().mapToDouble(Footprint::rssMib).average().orElse(0) : null);
    }

    private static Optional<Summary> find(List<Summary> summaries, String key, Scenario sc) {
        return summaries.stream().filter(s -> s.implementation().equals(key) && s.scenario() == sc).findFirst();
    }
}
