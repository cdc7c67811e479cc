package io.raftvip.bench.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WindowCountsTest {

    @Test
    void ownerThatLosesAndRebinds_isAReleaseAndABind_butNoMove() {
        HoldingLog log = new HoldingLog(3);
        log.bound(0, 100);
        log.released(0, 2_000);
        log.bound(0, 2_010);

        WindowCounts c = WindowCounts.of(log.intervals(0, Long.MAX_VALUE), 3, 1_000, 10_000);

        assertEquals(List.of(1, 0, 0), c.releases());
        assertEquals(List.of(1, 0, 0), c.binds());
        assertEquals(0, c.moves());
    }

    @Test
    void anotherNodeBinding_isAMove_andMovingBackIsAnother() {
        HoldingLog log = new HoldingLog(3);
        log.bound(1, 100);
        log.released(1, 2_000);
        log.bound(2, 2_100);
        log.released(2, 5_000);
        log.bound(1, 5_100);

        WindowCounts c = WindowCounts.of(log.intervals(0, Long.MAX_VALUE), 3, 1_000, 10_000);

        assertEquals(2, c.moves());
        assertEquals(2, c.totalReleases());
        assertEquals(2, c.totalBinds());
    }

    @Test
    void eventsOutsideTheWindow_doNotCount() {
        HoldingLog log = new HoldingLog(2);
        log.bound(0, 100);
        log.released(0, 500);
        log.bound(1, 600);
        log.released(1, 20_000);
        log.bound(0, 20_100);

        WindowCounts c = WindowCounts.of(log.intervals(0, Long.MAX_VALUE), 2, 1_000, 10_000);

        assertEquals(new WindowCounts(List.of(0, 0), List.of(0, 0), 0), c);
    }

    @Test
    void windowStartingAtTheFirstBind_countsWhatHappensAfterIt() {
        HoldingLog log = new HoldingLog(3);
        log.bound(2, 1_000);
        log.released(2, 1_200);
        log.bound(0, 1_300);
        log.released(0, 1_400);
        log.bound(0, 1_500);

        WindowCounts c = WindowCounts.of(log.intervals(0, Long.MAX_VALUE), 3, 1_000, 10_000);

        assertEquals(List.of(1, 0, 1), c.releases());
        assertEquals(List.of(2, 0, 0), c.binds());
        assertEquals(1, c.moves());
    }

    @Test
    void lastEvent_isTheLatestBindOrReleaseInsideTheWindow() {
        HoldingLog log = new HoldingLog(2);
        log.bound(0, 1_000);
        log.released(0, 1_400);
        log.bound(1, 1_500);
        log.released(1, 50_000);

        assertEquals(1_500, WindowCounts.lastEvent(log.intervals(0, Long.MAX_VALUE), 1_000, 10_000).getAsLong());
        assertTrue(WindowCounts.lastEvent(log.intervals(0, Long.MAX_VALUE), 2_000, 10_000).isEmpty());
    }

    @Test
    void secondOwnerBindingWhileTheFirstStillHolds_isAMove_andOverlapMeasuresIt() {
        HoldingLog log = new HoldingLog(3);
        log.bound(0, 100);
        log.bound(1, 3_000);
        log.released(0, 3_400);

        List<Interval> all = log.intervals(0, Long.MAX_VALUE);

        assertEquals(1, WindowCounts.of(all, 3, 1_000, 10_000).moves());
        assertEquals(400, Overlap.micros(all, 1_000, 10_000));
    }
}
