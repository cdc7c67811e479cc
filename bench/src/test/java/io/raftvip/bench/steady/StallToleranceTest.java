package io.raftvip.bench.steady;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import io.raftvip.bench.fault.StallStats;
import io.raftvip.bench.watch.WindowCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StallToleranceTest {

    static SteadyResult stall(long ms, int releases, int moves, int gaps, int done) {
        Observation o = new Observation(0, 1, List.of("n1", "n2", "n3"),
                new WindowCounts(List.of(releases, 0, 0), List.of(moves, 0, 0), moves), gaps > 0 ? 40 : 2, gaps, 0,
                null, true);
        return new SteadyResult("raftvip", Steadiness.STALL, 0, ms, o, new StallStats(15, done, ms, ms, ms, 0.1, 0.01),
                null, null, List.of());
    }

    @Test
    void largest_isTheLongestCleanDuration() {
        List<SteadyResult> rows = List.of(stall(500, 15, 15, 15, 15), stall(50, 0, 0, 0, 15), stall(100, 0, 0, 0, 15),
                stall(200, 3, 0, 3, 15));

        assertEquals(OptionalLong.of(100), StallTolerance.largestMs(rows, true));
    }

    @Test
    void aShorterFailure_capsIt_evenIfALongerStallPassed() {
        List<SteadyResult> rows = List.of(stall(50, 0, 0, 0, 15), stall(100, 1, 0, 0, 15), stall(200, 0, 0, 0, 15));

        assertEquals(OptionalLong.of(50), StallTolerance.largestMs(rows, true));
    }

    @Test
    void gapWithoutRelease_countsOnlyWhenAsked() {
        List<SteadyResult> rows = List.of(stall(50, 0, 0, 2, 15));

        assertTrue(StallTolerance.largestMs(rows, true).isEmpty());
        assertEquals(OptionalLong.of(50), StallTolerance.largestMs(rows, false));
    }

    @Test
    void seriesWithSkippedStalls_isNotTolerated() {
        assertTrue(StallTolerance.largestMs(List.of(stall(50, 0, 0, 0, 14)), false).isEmpty());
    }
}
