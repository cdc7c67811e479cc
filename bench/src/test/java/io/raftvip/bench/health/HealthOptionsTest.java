package io.raftvip.bench.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import io.raftvip.bench.daemon.HealthTiming;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HealthOptionsTest {

    private static HealthOptions build(String... optionValue) {
        HealthOptions.Builder b = new HealthOptions.Builder();
        for (int i = 0; i < optionValue.length; i += 2) {
            b.set(optionValue[i], optionValue[i + 1]);
        }
        return b.build();
    }

    @Test
    void defaults_areTheDaemonsDefaults_checksOnlyInTheHealthScenarios() {
        HealthOptions o = HealthOptions.defaults();

        assertFalse(o.enabled());
        assertEquals(HealthTiming.DEFAULTS, o.timing());
        assertEquals(600_000, o.flapDurationMs());
    }

    @Test
    void everyOption_isTaken_andHoldDownZeroTurnsItOff() {
        HealthOptions o = build("--health-interval", "1s", "--health-timeout", "500ms", "--health-fall", "4",
                "--health-rise", "2", "--health-hold-down", "0", "--flap-duration", "1m");

        assertEquals(new HealthTiming(1_000, 500, 4, 2, 0), o.timing());
        assertEquals(60_000, o.flapDurationMs());
    }

    @Test
    void timeoutNotShorterThanInterval_isRefusedNamingBoth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> build("--health-interval", "1s", "--health-timeout", "1s"));

        assertTrue(e.getMessage().contains("--health-timeout 1s") && e.getMessage().contains("--health-interval"),
                e.getMessage());
    }

    @Test
    void flapDurationShorterThanOneFlap_isRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> build("--flap-duration", "5s"));

        assertTrue(e.getMessage().startsWith("--flap-duration 5s: shorter than one flap (10000 ms"), e.getMessage());
    }

    @Test
    void fallOne_cannotFlap_andFractionsOfSeconds_areNotForKeepalived() {
        HealthOptions fallOne = build("--health-fall", "1");
        HealthOptions fast = build("--health-interval", "1500ms", "--health-timeout", "1s");

        assertThrows(IllegalArgumentException.class, fallOne::requireFlappable);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, fast::requireWholeSeconds);
        assertTrue(e.getMessage().contains("--only raftvip"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> build("--health-fall", "0"));
    }
}
