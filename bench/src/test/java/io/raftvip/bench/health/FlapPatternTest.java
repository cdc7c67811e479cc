package io.raftvip.bench.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import io.raftvip.bench.daemon.HealthTiming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FlapPatternTest {

    @Test
    void defaults_failShorterThanFallRounds_andPassAtLeastRiseRoundsOrOne() {
        List<FlapPattern> patterns = FlapPattern.of(HealthTiming.DEFAULTS);

        assertEquals(List.of(new FlapPattern("brief-failures", 3_500, 6_500),
                new FlapPattern("mostly-failing", 3_500, 2_500)), patterns);
        assertEquals(10_000, patterns.get(0).periodMs());
    }

    @Test
    void everyFailingStretch_holdsAtMostFallMinusOneRounds_whateverTheirPhase() {
        HealthTiming t = new HealthTiming(1_000, 500, 4, 2, 0);
        for (FlapPattern p : FlapPattern.of(t)) {
            // rounds every interval: a stretch of length L covers at most ceil(L / interval) of them
            long rounds = (p.failMs() + t.intervalMs() - 1) / t.intervalMs();
            assertTrue(rounds <= t.fall() - 1, p + " covers " + rounds + " rounds");
            assertTrue(p.passMs() > t.intervalMs(), p + " passes at least one round");
        }
    }

    @Test
    void fallTwo_failsForLessThanOneInterval() {
        FlapPattern p = FlapPattern.of(new HealthTiming(2_000, 1_000, 2, 1, 0)).get(0);

        assertEquals(1_500, p.failMs());
        assertEquals(2_500, p.passMs());
    }
}
