package io.raftvip.bench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StallStatsTest {

    private static Stall stall(long measuredMicros, int stopped) {
        return new Stall("n1", 0, 100_000, measuredMicros, 40, 2, stopped);
    }

    @Test
    void summarisesOnlyTheStallsThatStoppedEveryProcess() {
        StallStats s = StallStats.of(List.of(stall(100_020, 2), stall(100_300, 2), stall(5_000, 1)), 4);

        assertEquals(4, s.planned());
        assertEquals(2, s.done());
        assertEquals(100.16, s.meanMs(), 1e-9);
        assertEquals(100.02, s.minMs(), 1e-9);
        assertEquals(100.3, s.maxMs(), 1e-9);
        assertEquals(0.3, s.maxErrorMs(), 1e-9);
        assertEquals(0.04, s.maxSignallingMs(), 1e-9);
    }

    @Test
    void noStallDone_isAllZeroButThePlan() {
        assertEquals(new StallStats(3, 0, 0, 0, 0, 0, 0), StallStats.of(List.of(stall(0, 0)), 3));
    }
}
