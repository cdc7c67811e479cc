package io.raftvip.bench.steady;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LeaseLossTallyTest {

    @Test
    void baseline_isNotCounted_increaseIs() {
        LeaseLossTally t = new LeaseLossTally();
        t.baseline("n1", 100, 5);
        t.baseline("n2", 200, 0);

        t.observe("n1", 100, 7);
        t.observe("n2", 200, 0);

        assertEquals(Map.of("n1", 2L, "n2", 0L), t.perNode());
        assertEquals(2, t.total());
        assertTrue(t.complete());
    }

    @Test
    void restartedDaemon_countsFromZero() {
        LeaseLossTally t = new LeaseLossTally();
        t.baseline("n1", 100, 5);
        t.observe("n1", 100, 6);

        t.observe("n1", 101, 2);
        t.observe("n1", 101, 3);

        assertEquals(4, t.total());
    }

    @Test
    void daemonsStartedAfresh_countWholeValue() {
        LeaseLossTally t = new LeaseLossTally();

        t.observe("n3", 300, 11);

        assertEquals(11, t.total());
    }

    @Test
    void failedScrape_makesTheTotalALowerBound() {
        LeaseLossTally t = new LeaseLossTally();
        t.missed("n2");

        assertFalse(t.complete());
        assertEquals(0, t.total());
    }
}
