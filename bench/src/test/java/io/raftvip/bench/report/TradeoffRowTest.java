package io.raftvip.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import io.raftvip.bench.daemon.FootprintSampler.Footprint;
import io.raftvip.bench.scenario.Scenario;
import io.raftvip.bench.steady.SteadyOptions;
import io.raftvip.bench.steady.SteadyResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class TradeoffRowTest {

    private static final String KEY = "raftvip[relaxed]";

    private static Summary summary(String impl, Scenario sc, double p50, int overlaps) {
        return new Summary(impl, sc, 20, p50, p50 * 2, p50 * 3, 0, overlaps, overlaps > 0 ? 5 : 0, 0, 19);
    }

    @Test
    void row_takesItsOwnMeasurementsOnly_andToleranceIgnoresGaps() {
        List<Summary> summaries = List.of(summary(KEY, Scenario.CRASH, 300, 0),
                summary(KEY, Scenario.PARTITION, 250, 1), summary("raftvip[default]", Scenario.CRASH, 150, 0));
        List<SteadyResult> stalls = List.of(
                SteadinessMarkdownTest.stall(KEY, 100, SteadinessMarkdownTest.obs(List.of(0, 0, 0), 0, 1, 0, 0L)),
                SteadinessMarkdownTest.stall(KEY, 200, SteadinessMarkdownTest.obs(List.of(1, 0, 0), 0, 1, 2.5, 1L)),
                SteadinessMarkdownTest.stall("raftvip[default]", 200,
                        SteadinessMarkdownTest.obs(List.of(0, 0, 0), 0, 0, 0, 0L)));
        List<Footprint> idle = List.of(new Footprint("n1", 140, 4.0), new Footprint("n2", 130, 2.0),
                new Footprint("n3", 132, 3.0));

        TradeoffRow row = TradeoffRow.of("relaxed", "{ heartbeat: 50ms }", KEY, summaries, stalls, idle);

        assertEquals(new TradeoffRow("relaxed", "{ heartbeat: 50ms }", "100 ms", 300.0, 600.0, 250.0, "19/20", 2, 4.0,
                3.0, 134.0), row);
    }

    @Test
    void notMeasured_isNull() {
        TradeoffRow row = TradeoffRow.of("x", "", "raftvip[x]", List.of(), List.of(), null);

        assertNull(row.stallTolerance());
        assertNull(row.crashP50Ms());
        assertNull(row.cpuMaxPercent());
    }

    @Test
    void markdown_hasOneRowPerProfile_defaultsSpelledOut_keepalivedAsReference() {
        TradeoffRow def = new TradeoffRow("default", "", "100 ms", 180.0, 400.0, 170.0, "20/20", 0, 5.1, 3.4, 135.0);
        TradeoffRow ka = new TradeoffRow("keepalived-0.1s", null, "200 ms", 350.0, 380.0, 360.0, "0/20", 20, 0.4, 0.3,
                13.0);
        BenchReport details = new BenchReport(new HostInfo("d", "k", "c", 2), java.util.Map.of(), 20, List.of(),
                java.util.Map.of(), 60, List.of(), List.of(), SteadyOptions.defaults(), List.of(), null);

        String md = new TradeoffMarkdown().render(new TradeoffReport(new HostInfo("d", "k", "c", 2), "p.yaml",
                List.of(def, ka), SteadyOptions.defaults(), details));

        assertTrue(md.contains("| default | daemon defaults | 100 ms | 180 | 400 | 170 | 20/20 | 0 | 5.1 (3.4) "
                + "| 135 |\n"), md);
        assertTrue(md.contains("| keepalived-0.1s | (keepalived, reference) | 200 ms | 350 | 380 | 360 | 0/20 | 20 "
                + "| 0.4 (0.3) | 13 |\n"), md);
    }
}
