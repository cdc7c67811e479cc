package io.raftvip.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import io.raftvip.bench.daemon.Implementation;
import io.raftvip.bench.daemon.KeepalivedImplementation;
import io.raftvip.bench.daemon.RaftvipImplementation;
import io.raftvip.bench.health.HealthScenario;
import io.raftvip.bench.report.BenchReport;
import io.raftvip.bench.report.HealthReport;
import io.raftvip.bench.report.HostInfo;
import io.raftvip.bench.report.ReportWriter;
import io.raftvip.bench.report.Summary;
import io.raftvip.bench.scenario.RunResult;
import io.raftvip.bench.scenario.Scenario;
import io.raftvip.bench.steady.Steadiness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark: builds the rig once, then per implementation starts three daemons, runs every
 * chosen failover scenario N times and every chosen steadiness scenario, samples the idle
 * footprint, and finally writes the report. A scenario that cannot be run is reported as not
 * measured; the others go on.
 */
public final class Bench {

    private static final Logger LOG = LoggerFactory.getLogger(Bench.class);

    private final BenchOptions options;

    /** @param options validated options */
    public Bench(BenchOptions options) {
        this.options = options;
    }

    /** What a bench run produced: the report, its Markdown, and where it was written. */
    public record Outcome(BenchReport report, String markdown, Path resultsDir) {
    }

    /** Runs everything and writes the report; @return the outcome */
    public Outcome run() throws IOException {
        HostInfo host = HostInfo.current();
        Path work = Files.createTempDirectory("rvb-");
        List<String> errors = new ArrayList<>();
        List<Implementation> implementations = new ArrayList<>();
        if (options.wantsRaftvip()) {
            String missing = RaftvipImplementation.missingBuild(options.repoRoot());
            if (missing == null) {
                implementations.add(new RaftvipImplementation(options.repoRoot(), work, Rig.VIP, options.timing(),
                        true));
            } else {
                errors.add("raftvip: " + missing);
            }
        }
        if (options.wantsKeepalived()) {
            implementations.add(new KeepalivedImplementation(work, Rig.VIP, "1"));
            implementations.add(new KeepalivedImplementation(work, Rig.VIP, "0.1"));
        }
        Measurer m = measureAll(options, work, implementations, options.scenarios(), options.steadiness(),
                options.healthScenarios());
        errors.addAll(m.errors());
        BenchReport report = new BenchReport(host, m.descriptions(), options.runs(), summaries(m), m.footprints(),
                options.idleSeconds(), m.results(), errors, options.steadiness().isEmpty() ? null : options.steady(),
                m.steadiness(), options.healthScenarios().isEmpty() ? null : new HealthReport(
                        m.healthSection().describe(), options.health().timing(), options.health().flapDurationMs(),
                        options.health().enabled(), m.health().moves(), m.health().flaps()));
        String md = new ReportWriter(options.resultsDir()).write(report, m.timelines());
        return new Outcome(report, md, options.resultsDir());
    }

    /**
     * Builds the rig and measures each implementation in turn.
     *
     * @param work the run's scratch directory: configurations, storage, logs (kept), class-data archives (deleted)
     */
    static Measurer measureAll(BenchOptions options, Path work, List<Implementation> implementations,
                               List<Scenario> failover, List<Steadiness> steady, List<HealthScenario> health) {
        Measurer m = new Measurer(options, work);
        try (Rig rig = new Rig("rvb", options.suffix(), 3)) {
            for (Implementation impl : implementations) {
                m.measure(rig, impl, failover, steady, health);
            }
        } finally {
            // The daemons' logs stay for a look after the run; their class-data archives would
            // leave ~150 MB per run in the temp directory.
            for (Implementation impl : implementations) {
                if (impl instanceof RaftvipImplementation raftvip) {
                    try {
                        raftvip.discardClassDataArchives();
                    } catch (IOException e) {
                        LOG.warn("{}: deleting class-data archives: {}", impl.key(), e.toString());
                    }
                }
            }
            LOG.info("daemon logs of this run: {}", work);
        }
        return m;
    }

    /** @return per implementation and failover scenario, the statistics of its runs */
    static List<Summary> summaries(Measurer m) {
        List<Summary> summaries = new ArrayList<>();
        for (String impl : m.descriptions().keySet()) {
            for (Scenario sc : Scenario.values()) {
                List<RunResult> mine = m.results().stream()
                        .filter(r -> r.implementation().equals(impl) && r.scenario() == sc).toList();
                if (!mine.isEmpty()) {
                    summaries.add(Summary.of(impl, sc, mine));
                }
            }
        }
        return summaries;
    }
}
