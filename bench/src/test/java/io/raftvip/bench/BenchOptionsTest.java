package io.raftvip.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.raftvip.bench.health.HealthScenario;
import io.raftvip.bench.scenario.Scenario;
import io.raftvip.bench.steady.Steadiness;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BenchOptionsTest {

    @Test
    void defaults_runTheFailoverScenarios_withTheDaemonsOwnTiming() {
        BenchOptions o = BenchOptions.parse();

        assertEquals(List.of(Scenario.COLD_START, Scenario.CRASH, Scenario.GRACEFUL, Scenario.PARTITION),
                o.scenarios());
        assertEquals(List.of(), o.steadiness());
        assertNull(o.timing());
        assertNull(o.profiles());
    }

    @Test
    void scenarios_mixesBothKinds_andKnowsTheGroups() {
        BenchOptions o = BenchOptions.parse("--scenarios", "stall,crash,start-together");

        assertEquals(List.of(Scenario.CRASH), o.scenarios());
        assertEquals(List.of(Steadiness.STALL, Steadiness.START_TOGETHER), o.steadiness());
        assertEquals(5, BenchOptions.parse("--scenarios", "steadiness").steadiness().size());
        assertEquals(List.of(), BenchOptions.parse("--scenarios", "steadiness").scenarios());
        BenchOptions all = BenchOptions.parse("--scenarios", "all");
        assertEquals(4, all.scenarios().size());
        assertEquals(5, all.steadiness().size());
        assertEquals(List.of(HealthScenario.MOVE, HealthScenario.FLAP), all.healthScenarios());
    }

    @Test
    void healthScenarios_andTheHealthOptions_arePassedOn() {
        BenchOptions o = BenchOptions.parse("--scenarios", "health-flap,crash", "--flap-duration", "30s", "--health",
                "--health-hold-down", "10s");

        assertEquals(List.of(HealthScenario.FLAP), o.healthScenarios());
        assertEquals(List.of(Scenario.CRASH), o.scenarios());
        assertTrue(o.health().enabled());
        assertEquals(30_000, o.health().flapDurationMs());
        assertEquals(10_000, o.health().timing().holdDownMs());
        assertEquals(List.of(HealthScenario.MOVE, HealthScenario.FLAP),
                BenchOptions.parse("--scenarios", "health").healthScenarios());
        assertEquals(List.of(), BenchOptions.parse().healthScenarios());
    }

    @Test
    void healthTimingKeepalivedCannotTake_needsOnlyRaftvip() {
        String[] args = {"--scenarios", "health-move", "--health-interval", "500ms", "--health-timeout", "200ms"};

        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse(args));
        String[] raftvipOnly = {"--scenarios", "health-move", "--health-interval", "500ms", "--health-timeout",
            "200ms", "--only", "raftvip"};
        assertEquals(500, BenchOptions.parse(raftvipOnly).health().timing().intervalMs());
    }

    @Test
    void steadinessOptions_arePassedOn() {
        BenchOptions o = BenchOptions.parse("--stalls", "100,300", "--stall-window", "12s", "--runs", "2");

        assertEquals(List.of(100L, 300L), o.steady().stallsMs());
        assertEquals(12_000, o.steady().stallWindowMs());
        assertEquals(2, o.runs());
    }

    @Test
    void errors_nameTheOptionTheValueAndTheRule() {
        String unknown = assertThrows(IllegalArgumentException.class,
                () -> BenchOptions.parse("--scenarios", "stall,stal")).getMessage();
        assertTrue(unknown.startsWith("--scenarios stall,stal: 'stal' is unknown; known: crash"), unknown);
        assertEquals("--stalls: needs a value",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--stalls")).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--profiles", "/nonexistent"))
                .getMessage().endsWith(": no such file"));
    }

    @Test
    void timingAndProfiles_excludeEachOther(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("profiles.yaml"), "default: \"\"\n");

        String error = assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--profiles",
                file.toString(), "--timing", "{ heartbeat: 50ms }")).getMessage();

        assertTrue(error.startsWith("--timing { heartbeat: 50ms }: not with --profiles"), error);
        assertEquals(file, BenchOptions.parse("--profiles", file.toString()).profiles().file());
    }
}
