package io.raftvip.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import io.raftvip.bench.daemon.HealthTiming;
import io.raftvip.bench.health.FlapPattern;
import io.raftvip.bench.health.FlapResult;
import io.raftvip.bench.health.MoveRun;
import io.raftvip.bench.scenario.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HealthMarkdownTest {

    private static final FlapPattern BRIEF = FlapPattern.of(HealthTiming.DEFAULTS).get(0);

    private static MoveRun move(String impl, int run, double answerMs, double overlapMs) {
        return new MoveRun(impl, run, "n1", "n2", answerMs, answerMs - 60, answerMs - 10, 60, overlapMs, true, 0,
                1);
    }

    private static FlapResult flap(String impl, int moves, Long verdictChanges) {
        return new FlapResult(impl, BRIEF, "n1", 60, verdictChanges,
                SteadinessMarkdownTest.obs(List.of(moves, 0, 0), moves, 0, 0, impl.equals("raftvip") ? 0L : null));
    }

    private static HealthReport report(List<MoveRun> moves, List<FlapResult> flaps) {
        return new HealthReport("http GET http://NODE:6443/readyz", HealthTiming.DEFAULTS, 600_000, false, moves,
                flaps);
    }

    private static String row(String md, String startsWith) {
        return md.lines().filter(l -> l.startsWith(startsWith)).findFirst().orElseThrow(() -> new AssertionError(
                "no row '" + startsWith + "' in\n" + md));
    }

    @Test
    void noHealthScenario_rendersNothing() {
        assertEquals("", new HealthMarkdown().render(null, List.of()));
        assertEquals("", new HealthMarkdown().render(report(List.of(), List.of()), List.of()));
    }

    @Test
    void moveRows_haveTheTargetFromTheSameRunsGracefulP50_andRatiosOnRaftvipRowsOnly() {
        List<MoveRun> moves = List.of(move("raftvip", 0, 5_000, 0), move("raftvip", 1, 7_000, 0),
                move("keepalived-1s", 0, 10_000, 0), move("keepalived-0.1s", 0, 6_000, 1.5));
        List<Summary> summaries = List.of(new Summary("raftvip", Scenario.GRACEFUL, 5, 40, 50, 60, 0, 0, 0, 0, 0));

        String md = new HealthMarkdown().render(report(moves, List.of()), summaries);

        assertTrue(md.contains("## Health gating"), md);
        assertTrue(md.contains("`http GET http://NODE:6443/readyz`"), md);
        assertEquals("| raftvip | 2 | 5000 / 7000 / 7000 | 6040 (6000 + 40) | 1/2 | 4940 / 6940 | 60 / 60 "
                + "| 60 / 60 / 60 | 0 | 0 (0) | 2/2 | 0.50 | 0.83 |", row(md, "| raftvip |"));
        assertEquals("| keepalived-0.1s | 1 | 6000 / 6000 / 6000 | 6000 + graceful (not measured in this run) | - "
                + "| 5940 / 5940 | 60 / 60 | 60 / 60 / 60 | 0 | 1 (1.5) | 1/1 |  |  |", row(md, "| keepalived-0.1s |"));
    }

    @Test
    void ratio_isNotAvailableWithoutThatKeepalived() {
        Map<String, List<MoveRun>> byImpl = Map.of("raftvip", List.of(move("raftvip", 0, 5_000, 0)));

        assertEquals("n/a", HealthMarkdown.ratio(byImpl, "raftvip", "keepalived-1s"));
    }

    @Test
    void flapRows_sayWhetherTheVipStayedPut() {
        List<FlapResult> flaps = List.of(flap("raftvip", 0, 0L), flap("keepalived-1s", 2, 4L),
                flap("keepalived-0.1s", 0, null));

        String md = new HealthMarkdown().render(report(List.of(), flaps), List.of());

        assertTrue(md.contains("### health-flap"), md);
        assertTrue(row(md, "| raftvip | brief-failures |").endsWith("| 0 | yes |"), md);
        assertTrue(row(md, "| keepalived-1s |").contains("| 60 | 4 | 2 | 2 (n1 2) |"), md);
        assertTrue(row(md, "| keepalived-1s |").endsWith("| **no** |"), md);
        assertTrue(row(md, "| keepalived-0.1s |").contains("| 60 | ? | 0 |"), md);
    }
}
