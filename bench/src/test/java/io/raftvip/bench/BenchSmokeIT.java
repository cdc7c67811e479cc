package io.raftvip.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.raftvip.bench.daemon.RaftvipImplementation;
import io.raftvip.bench.report.Summary;
import io.raftvip.bench.scenario.Scenario;
import io.raftvip.bench.steady.Steadiness;
import io.raftvip.bench.steady.SteadyResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole bench once per scenario with a short idle window, for raftvip and (when
 * installed) keepalived, and checks that it completed with a measurement for every scenario and
 * wrote its report files; then a very short stall series for raftvip alone. It asserts no timing
 * targets: that is what the bench itself reports.
 */
@Tag("netns")
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class BenchSmokeIT {

    private static Path repoRoot;
    private static boolean keepalived;

    @BeforeAll
    static void requireRootNamespacesAndBuild() throws Exception {
        repoRoot = Path.of(System.getProperty("raftvip.repo.root", "..")).toAbsolutePath().normalize();
        String uid = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("Uid:")).findFirst().orElse("Uid: -1").split("\\s+")[1];
        skipLoudlyUnless("0".equals(uid), "not running as root (uid " + uid + "): network namespaces need root");
        skipLoudlyUnless(new ProcessBuilder("ip", "netns", "list").start().waitFor() == 0,
                "`ip netns list` failed: iproute2 with netns support is required");
        String missing = RaftvipImplementation.missingBuild(repoRoot);
        skipLoudlyUnless(missing == null, "the raftvip daemon build is missing: " + missing);
        keepalived = new ProcessBuilder("sh", "-c", "command -v keepalived").start().waitFor() == 0;
        if (!keepalived) {
            System.err.println("BenchSmokeIT: keepalived is not installed; measuring raftvip only");
        }
    }

    private static void skipLoudlyUnless(boolean ok, String reason) {
        if (!ok) {
            System.err.println("BenchSmokeIT SKIPPED: " + reason);
            Assumptions.abort(reason);
        }
    }

    @Test
    void oneRunPerScenario_measuresEveryScenarioAndWritesTheReport(@TempDir Path results) throws Exception {
        List<String> args = new ArrayList<>(List.of("--runs", "1", "--idle-seconds", "3",
                "--repo-root", repoRoot.toString(), "--results", results.toString()));
        if (!keepalived) {
            args.addAll(List.of("--only", "raftvip"));
        }

        Bench.Outcome outcome = new Bench(BenchOptions.parse(args.toArray(String[]::new))).run();

        assertEquals(List.of(), outcome.report().errors(), "scenarios that could not be measured");
        List<String> impls = keepalived ? List.of("raftvip", "keepalived-1s", "keepalived-0.1s") : List.of("raftvip");
        for (String impl : impls) {
            for (Scenario sc : Scenario.values()) {
                assertTrue(outcome.report().summaries().stream().anyMatch(
                        (Summary s) -> s.implementation().equals(impl) && s.scenario() == sc && s.runs() == 1),
                        impl + " " + sc.key() + " has no measurement");
            }
            assertTrue(outcome.report().footprints().containsKey(impl), impl + " has no idle footprint");
        }
        for (String file : List.of("latest.md", "latest.json", "timeline-crash.png", "timeline-graceful.png",
                "timeline-partition.png", "timeline-cold-start.png")) {
            assertTrue(Files.size(results.resolve(file)) > 0, file + " is empty");
        }
    }

    /**
     * Two stalls of 30 ms, one second apart (some 30 s in all, most of it starting the daemons).
     * Only what always holds is asserted: the series ran and was reported, and nobody else bound
     * the VIP meanwhile. That last one holds only for stalls well below the election timeout: a
     * frozen owner can release nothing, so a longer stall may let a new leader bind while the old
     * one still holds the VIP, which is what the bench is there to show, not a test failure.
     */
    @Test
    void shortStallSeries_raftvipOnly_isReportedInTheSteadinessSection_withoutTwoOwners(@TempDir Path results)
            throws Exception {
        BenchOptions options = BenchOptions.parse("--only", "raftvip", "--scenarios", "stall", "--stalls", "30",
                "--stall-every", "1s", "--stall-window", "2s", "--idle-seconds", "1",
                "--repo-root", repoRoot.toString(), "--results", results.toString());

        Bench.Outcome outcome = new Bench(options).run();

        assertEquals(List.of(), outcome.report().errors(), "scenarios that could not be measured");
        List<SteadyResult> stalls = outcome.report().steadiness().stream()
                .filter(r -> r.scenario() == Steadiness.STALL).toList();
        assertEquals(1, stalls.size(), "one stall series (30 ms)");
        assertEquals(2, stalls.get(0).stalls().planned());
        assertEquals(0.0, stalls.get(0).observation().overlapMs(), "two owners at once during 30 ms stalls");
        String md = Files.readString(results.resolve("latest.md"));
        assertTrue(md.contains("## Steadiness") && md.contains("### stall"), md);
        assertTrue(Files.readString(results.resolve("latest.json")).contains("\"steadiness\""));
    }
}
