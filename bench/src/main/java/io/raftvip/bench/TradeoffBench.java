package io.raftvip.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.raftvip.bench.daemon.Implementation;
import io.raftvip.bench.daemon.KeepalivedImplementation;
import io.raftvip.bench.daemon.RaftvipImplementation;
import io.raftvip.bench.report.BenchReport;
import io.raftvip.bench.report.HostInfo;
import io.raftvip.bench.report.ReportWriter;
import io.raftvip.bench.report.Summary;
import io.raftvip.bench.report.TradeoffReport;
import io.raftvip.bench.report.TradeoffRow;
import io.raftvip.bench.scenario.Scenario;
import io.raftvip.bench.steady.Steadiness;

/**
 * The timing trade-off ({@code --profiles FILE}): for every profile a raftvip group with that
 * timing, and keepalived 0.1 s and 1 s for reference, each measured with a reduced set (stall
 * series, crash and partition failovers on an idle host, idle footprint); writes
 * {@code tradeoff.md} with one row each.
 */
final class TradeoffBench {

    private final BenchOptions options;

    TradeoffBench(BenchOptions options) {
        this.options = options;
    }

    /** Runs the comparison and writes it; @return the Markdown */
    String run() throws IOException {
        HostInfo host = HostInfo.current();
        Path work = Files.createTempDirectory("rvb-");
        List<String> errors = new ArrayList<>();
        List<Implementation> implementations = new ArrayList<>();
        String missing = RaftvipImplementation.missingBuild(options.repoRoot());
        for (TimingProfiles.Profile p : options.profiles().profiles()) {
            if (missing == null) {
                implementations.add(new RaftvipImplementation(options.repoRoot(), work, Rig.VIP, p.timing(), true,
                        p.name()));
            } else {
                errors.add("raftvip[" + p.name() + "]: " + missing);
            }
        }
        if (options.wantsKeepalived()) {
            implementations.add(new KeepalivedImplementation(work, Rig.VIP, "0.1"));
            implementations.add(new KeepalivedImplementation(work, Rig.VIP, "1"));
        }
        Measurer m = Bench.measureAll(options, work, implementations, List.of(Scenario.CRASH, Scenario.PARTITION),
                List.of(Steadiness.STALL), List.of());
        errors.addAll(m.errors());
        List<Summary> summaries = Bench.summaries(m);
        List<TradeoffRow> rows = new ArrayList<>();
        for (TimingProfiles.Profile p : options.profiles().profiles()) {
            String key = "raftvip[" + p.name() + "]";
            rows.add(TradeoffRow.of(p.name(), p.timing(), key, summaries, m.steadiness(), m.footprints().get(key)));
        }
        for (Implementation impl : implementations) {
            if (impl instanceof KeepalivedImplementation) {
                rows.add(TradeoffRow.of(impl.key(), null, impl.key(), summaries, m.steadiness(),
                        m.footprints().get(impl.key())));
            }
        }
        BenchReport details = new BenchReport(host, m.descriptions(), options.runs(), summaries, m.footprints(),
                options.idleSeconds(), m.results(), errors, options.steady(), m.steadiness(), null);
        return new ReportWriter(options.resultsDir()).writeTradeoff(new TradeoffReport(host,
                options.profiles().file().toString(), rows, options.steady(), details));
    }
}
