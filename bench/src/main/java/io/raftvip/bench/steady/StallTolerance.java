package io.raftvip.bench.steady;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/**
 * The largest stall an implementation tolerated: the longest configured duration D such that
 * the series of D and of every shorter duration went without a single release or ownership move
 * (and, when asked, without a client gap of 10 ms or more), with every planned stall done. A
 * shorter stall that failed caps it, even if a longer one happened to pass.
 */
public final class StallTolerance {

    private StallTolerance() {
    }

    /**
     * @param stallRows    one implementation's stall results, any order
     * @param requireNoGap whether a client gap of {@link Observation#GAP_MS} or more also counts as not tolerated
     * @return the largest tolerated duration in ms, or empty when even the shortest was not tolerated
     */
    public static OptionalLong largestMs(List<SteadyResult> stallRows, boolean requireNoGap) {
        List<SteadyResult> sorted = stallRows.stream().filter(r -> r.stallMs() != null)
                .sorted(Comparator.comparingLong(SteadyResult::stallMs)).toList();
        OptionalLong best = OptionalLong.empty();
        for (SteadyResult r : sorted) {
            if (!tolerated(r, requireNoGap)) {
                break;
            }
            best = OptionalLong.of(r.stallMs());
        }
        return best;
    }

    /** @return whether one stall series went by without release, move (and gap, if asked) */
    public static boolean tolerated(SteadyResult r, boolean requireNoGap) {
        Observation o = r.observation();
        boolean allDone = r.stalls() != null && r.stalls().done() > 0 && r.stalls().done() == r.stalls().planned();
        return allDone && o.counts().totalReleases() == 0 && o.counts().moves() == 0
                && (!requireNoGap || o.gaps10() == 0);
    }
}
