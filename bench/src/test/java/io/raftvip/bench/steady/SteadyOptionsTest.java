package io.raftvip.bench.steady;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SteadyOptionsTest {

    private static SteadyOptions build(String... pairs) {
        SteadyOptions.Builder b = new SteadyOptions.Builder();
        for (int i = 0; i < pairs.length; i += 2) {
            b.set(pairs[i], pairs[i + 1]);
        }
        return b.build();
    }

    private static String error(String... pairs) {
        return assertThrows(IllegalArgumentException.class, () -> build(pairs)).getMessage();
    }

    @Test
    void defaults_areTheIssuesNumbers() {
        assertEquals(new SteadyOptions(List.of(50L, 100L, 200L, 500L), 45_000, 3_000, 600_000),
                SteadyOptions.defaults());
    }

    @Test
    void stalls_areSortedAndMayCarryAnMsSuffix() {
        assertEquals(List.of(50L, 100L, 300L), build("--stalls", "300, 50ms,100").stallsMs());
    }

    @Test
    void durations_takeTheirUnits() {
        SteadyOptions o = build("--stall-window", "2m", "--stall-every", "1500ms", "--load-duration", "1h");

        assertEquals(120_000, o.stallWindowMs());
        assertEquals(1_500, o.stallEveryMs());
        assertEquals(3_600_000, o.loadDurationMs());
    }

    @Test
    void errors_nameTheOptionTheValueAndTheRule() {
        assertTrue(error("--stalls", "50,abc").startsWith("--stalls 50,abc: 'abc' is not a whole number"));
        assertTrue(error("--stalls", "50,50").contains("listed twice"));
        assertTrue(error("--stall-window", "45").startsWith("--stall-window 45: must be a positive whole number with "
                + "a unit"));
        assertTrue(error("--stalls", "500", "--stall-every", "500ms").startsWith("--stall-every 500ms: must be longer "
                + "than the longest stall (500 ms"));
        assertTrue(error("--stall-window", "2s").startsWith("--stall-window 2s: must be at least --stall-every (3s)"));
        assertTrue(error("--load-duration", "500ms").startsWith("--load-duration 500ms: must be at least 1s"));
        assertTrue(error("--stalls", "0").contains("from 1 to 60000"));
    }
}
