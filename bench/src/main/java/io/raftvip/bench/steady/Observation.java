package io.raftvip.bench.steady;

import java.util.List;
import io.raftvip.bench.watch.WindowCounts;

/**
 * What one steadiness window showed, by the watchers, the client and the metrics.
 *
 * @param fromMicros    window start (epoch µs)
 * @param toMicros      window end (epoch µs)
 * @param nodes         node ids, in the order of the per-node counts
 * @param counts        releases and binds per node, ownership moves
 * @param longestGapMs  the client's longest gap between answers in which probes were lost (0: none); a
 *                      stretch without a lost probe is the bench being late, not the VIP missing
 * @param gaps10        the client's gaps with lost probes of at least 10 ms
 * @param overlapMs     time two nodes held the VIP at once (the safety property)
 * @param leaseLosses   raftvip's lease losses over the window, all nodes; null for keepalived
 * @param leaseLossesComplete whether every metrics scrape succeeded (else a lower bound)
 */
public record Observation(long fromMicros, long toMicros, List<String> nodes, WindowCounts counts,
                          double longestGapMs, int gaps10, double overlapMs, Long leaseLosses,
                          boolean leaseLossesComplete) {

    /** A client gap counts from this length: four probes in a row unanswered. */
    public static final double GAP_MS = 10;

    /** @return whether nothing happened: no release, no move, no gap of {@link #GAP_MS} or more */
    public boolean steady() {
        return counts.totalReleases() == 0 && counts.moves() == 0 && gaps10 == 0;
    }
}
