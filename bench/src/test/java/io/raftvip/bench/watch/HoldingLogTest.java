package io.raftvip.bench.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HoldingLogTest {

    @Test
    void overlap_countsOnlyTimeTwoNodesHeldAtOnce() {
        HoldingLog log = new HoldingLog(3);
        log.bound(0, 100);
        log.bound(1, 300);
        log.released(0, 350);

        assertEquals(50, log.overlapMicros(0, 1_000, List.of(0, 1, 2)));
        assertEquals(0, log.overlapMicros(0, 1_000, List.of(1, 2)));
    }

    @Test
    void neverReleasedOwner_overlapsUntilWindowEnd() {
        HoldingLog log = new HoldingLog(2);
        log.bound(0, 0);
        log.bound(1, 400);

        assertEquals(600, log.overlapMicros(0, 1_000, List.of(0, 1)));
        assertTrue(log.holds(0, 999));
        assertTrue(log.releaseAfter(0, 0).isEmpty());
    }

    @Test
    void firstBindAfter_ignoresTheExcludedNodeAndEarlierBinds() {
        HoldingLog log = new HoldingLog(3);
        log.bound(2, 50);
        log.released(2, 60);
        log.bound(0, 200);
        log.bound(1, 250);

        assertEquals(250, log.firstBindAfter(100, 0).getAsLong());
        assertEquals(1, log.firstBinderAfter(100, 0));
        assertFalse(log.holds(2, 70));
    }

    @Test
    void repeatedEvents_doNotSplitIntervals() {
        HoldingLog log = new HoldingLog(1);
        log.bound(0, 10);
        log.bound(0, 20);
        log.released(0, 30);
        log.released(0, 40);

        assertEquals(List.of(new Interval(0, 10, 30)), log.intervals(0, 100));
    }
}
