package io.raftvip.bench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class StallScheduleTest {

    @Test
    void defaultSeries_is15StallsThreeSecondsApart() {
        List<Long> offsets = new StallSchedule(45_000, 3_000).offsetsMillis();

        assertEquals(15, offsets.size());
        assertEquals(0L, offsets.get(0));
        assertEquals(42_000L, offsets.get(14));
    }

    @Test
    void everyStallLeavesAFullIntervalAfterItsStart_insideTheWindow() {
        assertEquals(List.of(0L, 3_000L, 6_000L), new StallSchedule(10_000, 3_000).offsetsMillis());
        assertEquals(List.of(0L), new StallSchedule(3_000, 3_000).offsetsMillis());
    }

    @Test
    void windowShorterThanOneInterval_isRejected() {
        assertThrows(IllegalArgumentException.class, () -> new StallSchedule(2_000, 3_000));
    }
}
