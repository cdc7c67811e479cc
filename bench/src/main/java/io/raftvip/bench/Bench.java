package io.raftvip.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.raftvip.bench.daemon.DaemonProcess;
import io.raftvip.bench.daemon.FootprintSampler;
import io.raftvip.bench.daemon.FootprintSampler.Footprint;
import io.raftvip.bench.daemon.Implementation;
import io.raftvip.bench.daemon.KeepalivedImplementation;
import io.raftvip.bench.daemon.RaftvipImplementation;
import io.raftvip.bench.report.BenchReport;
import io.raftvip.bench.report.HostInfo;
import io.raftvip.bench.report.ReportWriter;
import io.raftvip.bench.report.Summary;
import io.raftvip.bench.scenario.RunResult;
import io.raftvip.bench.scenario.Scenario;
import io.raftvip.bench.scenario.ScenarioRunner;
import io.raftvip.bench.scenario.Session;
import io.raftvip.bench.scenario.Timeline;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The benchmark: builds the rig once, then per implementation starts three daemons, runs every
 * scenario N times, samples the idle footprint, and finally writes the report. A scenario that
 * cannot be run is reported as not measured; the others go on.
 */
public final class Bench {

    private static final Logger LOG = LoggerFactory.getLogger(Bench.class);

    private final BenchOptions options;
    private final List<RunResult> results = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final Map<Scenario, List<Timeline>> timelines = new EnumMap<>(Scenario.class);
    private final Map<String, List<Footprint>> footprints = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();

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
        List<Implementation> implementations = implementations(work);
        try (Rig rig = new Rig("rvb", options.suffix(), 3)) {
            for (Implementation impl : implementations) {
                descriptions.put(impl.key(), impl.description());
                try {
                    measure(rig, impl);
                } catch (RuntimeException e) {
                    LOG.error("{}: {}", impl.key(), e.getMessage(), e);
                    errors.add(impl.key() + ": " + e.getMessage());
                }
            }
        } finally {
            // The daemons' logs stay for a look after the run; their class-data archives would
            // leave ~150 MB per run in the temp directory.
            for (Implementation impl : implementations) {
                if (impl instanceof RaftvipImplementation raftvip) {
                    raftvip.discardClassDataArchives();
                }
            }
            LOG.info("daemon logs of this run: {}", work);
        }
        List<Summary> summaries = new ArrayList<>();
        for (String impl : descriptions.keySet()) {
            for (Scenario sc : Scenario.values()) {
                List<RunResult> mine = results.stream()
                        .filter(r -> r.implementation().equals(impl) && r.scenario() == sc).toList();
                if (!mine.isEmpty()) {
                    summaries.add(Summary.of(impl, sc, mine));
                }
            }
        }
        BenchReport report = new BenchReport(host, descriptions, options.runs(), summaries, footprints,
                options.idleSeconds(), results, errors);
        String md = new ReportWriter(options.resultsDir()).write(report, timelines);
        return new Outcome(report, md, options.resultsDir());
    }

    private List<Implementation> implementations(Path work) {
        List<Implementation> list = new ArrayList<>();
        if (options.wantsRaftvip()) {
            String missing = RaftvipImplementation.missingBuild(options.repoRoot());
            if (missing == null) {
                list.add(new RaftvipImplementation(options.repoRoot(), work, Rig.VIP, options.timing(), true));
            } else {
                errors.add("raftvip: " + missing);
            }
        }
        if (options.wantsKeepalived()) {
            list.add(new KeepalivedImplementation(work, Rig.VIP, "1"));
            list.add(new KeepalivedImplementation(work, Rig.VIP, "0.1"));
        }
        return list;
    }

    private void measure(Rig rig, Implementation impl) throws IOException {
        impl.prepare(rig.lab().nodes());
        try (Session session = new Session(rig.lab(), impl, rig.prober().log(), rig.holding(), rig.clock(), Rig.VIP)) {
            session.startAll();
            // every scenario, cold start included, begins from a settled group
            session.awaitSettled(rig.lab().nodes(), 90_000);
            ScenarioRunner runner = new ScenarioRunner(session);
            for (Scenario sc : options.scenarios()) {
                try {
                    for (int i = 0; i < options.runs(); i++) {
                        RunResult r = runner.run(sc, i);
                        results.add(r);
                        if (i == 0) {
                            timelines.computeIfAbsent(sc, k -> new ArrayList<>()).add(runner.timeline(r));
                        }
                    }
                } catch (RuntimeException e) {
                    LOG.error("{} {}: {}", impl.key(), sc.key(), e.getMessage(), e);
                    errors.add(impl.key() + " " + sc.key() + ": " + e.getMessage());
                    session.stopAll();
                    rig.lab().nodes().forEach(rig.lab()::reattach);
                    session.startAll();
                }
            }
            try {
                footprints.put(impl.key(), idleFootprint(session));
            } catch (RuntimeException e) {
                errors.add(impl.key() + " idle footprint: " + e.getMessage());
            }
        }
    }

    private List<Footprint> idleFootprint(Session session) {
        session.awaitStableOwner(500, 90_000);
        FootprintSampler sampler = new FootprintSampler(clockTicks());
        List<DaemonProcess> daemons = session.daemons();
        double[] before = new double[daemons.size()];
        for (int i = 0; i < daemons.size(); i++) {
            before[i] = sampler.cpuSeconds(daemons.get(i).daemons());
        }
        long start = System.nanoTime();
        LOG.info("idle footprint: watching {} daemons for {} s", daemons.size(), options.idleSeconds());
        sleepMillis(options.idleSeconds() * 1000L);
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Footprint> out = new ArrayList<>();
        for (int i = 0; i < daemons.size(); i++) {
            List<ProcessHandle> procs = daemons.get(i).daemons();
            double cpu = (sampler.cpuSeconds(procs) - before[i]) / elapsed * 100;
            out.add(new Footprint(daemons.get(i).node().id(), sampler.rssKib(procs) / 1024.0, cpu));
        }
        out.sort((a, b) -> a.node().compareTo(b.node()));
        return out;
    }

    /** The idle window is itself the measurement: nothing to poll, just time passing. */
    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long clockTicks() {
        String out = new io.raftvip.bench.lab.CommandRunner().tryRun("getconf", "CLK_TCK").output().strip();
        try {
            return Long.parseLong(out);
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
