package io.raftvip.bench.steady;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import io.raftvip.bench.scenario.RunResult;
import io.raftvip.bench.scenario.Scenario;
import io.raftvip.bench.watch.Interval;
import io.raftvip.bench.watch.Overlap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class WindowObserverTest {

    @Test
    void crashedOwner_releasesAtTheCrash_notWhenTheLabRemovesItsAddress() {
        RunResult crash = new RunResult("raftvip", Scenario.CRASH, 0, 150, true, "n2", "n3", null, 140.0, 0, false,
                5_000, 6_000);
        List<Interval> seen = List.of(new Interval(1, 1_000, 9_000), new Interval(2, 5_140, Long.MAX_VALUE));

        List<Interval> kept = WindowObserver.withoutDeadMachines(seen, List.of(crash), List.of("n1", "n2", "n3"));

        assertEquals(List.of(new Interval(1, 1_000, 5_000), new Interval(2, 5_140, Long.MAX_VALUE)), kept);
        assertEquals(0, Overlap.micros(kept, 0, 10_000));
    }
}
