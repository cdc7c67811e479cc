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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole bench once per scenario with a short idle window, for raftvip and (when
 * installed) keepalived, and checks that it completed with a measurement for every scenario and
 * wrote its report files. It asserts no timing targets: that is what the bench itself reports.
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
}
