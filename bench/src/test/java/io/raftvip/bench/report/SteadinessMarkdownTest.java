package io.raftvip.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import io.raftvip.bench.fault.LoadStats;
import io.raftvip.bench.fault.StallStats;
import io.raftvip.bench.scenario.RunResult;
import io.raftvip.bench.scenario.Scenario;
import io.raftvip.bench.steady.Observation;
import io.raftvip.bench.steady.StartTimes;
import io.raftvip.bench.steady.Steadiness;
import io.raftvip.bench.steady.SteadyOptions;
import io.raftvip.bench.steady.SteadyResult;
import io.raftvip.bench.watch.WindowCounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SteadinessMarkdownTest {

    private static final List<String> NODES = List.of("n1", "n2", "n3");
    private static final LoadStats LOAD = new LoadStats(4, true, "ext4 /dev/vda", 600, 1000, 62.5, 2, 30, 80, null);

    static Observation obs(List<Integer> releases, int moves, int gaps, double overlapMs, Long leaseLosses) {
        return new Observation(0, 1, NODES, new WindowCounts(releases, releases, moves), gaps > 0 ? 55 : 4, gaps,
                overlapMs, leaseLosses, true);
    }

    static SteadyResult stall(String impl, long ms, Observation o) {
        return new SteadyResult(impl, Steadiness.STALL, 0, ms, o, new StallStats(15, 15, ms + 0.05, ms, ms + 0.1, 0.1,
                0.02), null, null, List.of());
    }

    private static String lineOf(String md, String start) {
        return md.lines().filter(l -> l.startsWith(start)).findFirst().orElseThrow(() -> new AssertionError(
                "no line starting with '" + start + "' in\n" + md));
    }

    @Test
    void stallTable_hasOneRowPerDuration_raftvipFirst_andTheToleranceOfEach() {
        List<SteadyResult> results = List.of(
                stall("keepalived-1s", 100, obs(List.of(0, 0, 0), 0, 0, 0, null)),
                stall("keepalived-1s", 500, obs(List.of(0, 0, 0), 0, 0, 0, null)),
                stall("raftvip", 500, obs(List.of(2, 1, 0), 3, 3, 0.4, 3L)),
                stall("raftvip", 100, obs(List.of(0, 0, 0), 0, 0, 0, 0L)));

        String md = new SteadinessMarkdown().render(SteadyOptions.defaults(), results);

        assertTrue(md.startsWith("\n## Steadiness\n"), md);
        assertTrue(md.indexOf("| raftvip | 100 |") < md.indexOf("| raftvip | 500 |"), md);
        assertTrue(md.indexOf("| raftvip | 500 |") < md.indexOf("| keepalived-1s | 100 |"), md);
        assertEquals("| raftvip | 500 | 15/15 | 500.1 (0.10) | 3 (n1 2, n2 1) | 3 (n1 2, n2 1) | 3 | 55 | 3 | 0.4 "
                + "| 3 |", lineOf(md, "| raftvip | 500 |"));
        assertEquals("| keepalived-1s | 100 | 15/15 | 100.1 (0.10) | 0 | 0 | 0 | 4 | 0 | 0 | - |",
                lineOf(md, "| keepalived-1s | 100 |"));
        assertEquals("| raftvip | 100 ms |", lineOf(md, "| raftvip | 100 ms"));
        assertEquals("| keepalived-1s | 500 ms |", lineOf(md, "| keepalived-1s | 500 ms"));
    }

    @Test
    void shortestStallAlreadyNotTolerated_saysBelowIt() {
        String md = new SteadinessMarkdown().render(null,
                List.of(stall("raftvip", 50, obs(List.of(1, 0, 0), 0, 1, 0, 1L))));

        assertEquals("| raftvip | < 50 ms |", lineOf(md, "| raftvip | < 50 ms"));
    }

    @Test
    void loadStartTogetherAndUnderLoad_eachGetTheirTable() {
        RunResult run = new RunResult("raftvip", Scenario.PARTITION, 0, 180, true, "n1", "n2", 60.0, 170.0, 0, false,
                0, 1);
        List<SteadyResult> results = List.of(
                new SteadyResult("raftvip", Steadiness.LOAD, 0, null, obs(List.of(0, 0, 3), 0, 2, 0, 3L), null, LOAD,
                        null, List.of()),
                new SteadyResult("raftvip", Steadiness.START_TOGETHER, 0, null, obs(List.of(11, 0, 0), 0, 0, 0, 11L),
                        null, null, new StartTimes(3, 2100, 2102, 3600), List.of()),
                new SteadyResult("raftvip", Steadiness.PARTITION_UNDER_LOAD, 0, null,
                        obs(List.of(1, 0, 0), 1, 1, 0, 1L), null, LOAD, null, List.of(run)));

        String md = new SteadinessMarkdown().render(SteadyOptions.defaults(), results);

        assertEquals("| raftvip | 600 | 3 (n3 3) | 3 (n3 3) | 0 | 55 | 2 | 0 | 3 | 1000 | 2.0 / 30.0 / 80.0 |",
                lineOf(md, "| raftvip | 600 |"));
        assertEquals("| raftvip | 1 | 2100 / 2100 | 11 / 11 | 11 / 11 | 0 / 0 | 1500 / 1500 | 4 / 4 | 0 | 0 "
                + "| 11 / 11 |", lineOf(md, "| raftvip | 1 | 2100"));
        assertEquals("| raftvip | 1 | 180 | 180 | 180 | 0 | 0 (0) | 1/1 | 0 | 1 (n1 1) | 1 (n1 1) | 1 | 1 | 0 | 1 "
                + "| 2.0 / 80.0 |", lineOf(md, "| raftvip | 1 | 180"));
        assertTrue(md.contains("### partition-under-load"), md);
    }

    @Test
    void nothingMeasured_rendersNothing() {
        assertEquals("", new SteadinessMarkdown().render(null, List.of()));
    }
}
