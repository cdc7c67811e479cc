package io.raftvip.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.raftvip.bench.daemon.FootprintSampler.Footprint;
import io.raftvip.bench.daemon.Implementation;
import io.raftvip.bench.netns.NamespaceThreads;
import io.raftvip.bench.scenario.RunResult;
import io.raftvip.bench.scenario.Scenario;
import io.raftvip.bench.scenario.ScenarioRunner;
import io.raftvip.bench.scenario.Session;
import io.raftvip.bench.scenario.Timeline;
import io.raftvip.bench.steady.SteadinessRunner;
import io.raftvip.bench.steady.Steadiness;
import io.raftvip.bench.steady.SteadyResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures one implementation after another in the rig: starts its three daemons, runs the
 * failover scenarios N times and the steadiness scenarios, samples the idle footprint, and keeps
 * everything for the report. A scenario that cannot be run is noted as not measured, the lab is
 * reset, and the others go on.
 */
final class Measurer {

    private static final Logger LOG = LoggerFactory.getLogger(Measurer.class);

    /** A scenario's body, allowed to fail. */
    private interface Step {
        void run() throws IOException;
    }

    private final BenchOptions options;
    private final Path work;
    private final NamespaceThreads threads = new NamespaceThreads();
    private final List<RunResult> results = new ArrayList<>();
    private final List<SteadyResult> steadiness = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final Map<Scenario, List<Timeline>> timelines = new EnumMap<>(Scenario.class);
    private final Map<String, List<Footprint>> footprints = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();

    /**
     * @param options validated options (runs, idle window, steadiness settings)
     * @param work    the run's scratch directory, which also holds raftvip's storage
     */
    Measurer(BenchOptions options, Path work) {
        this.options = options;
        this.work = work;
    }

    /** Measures {@code impl}: the {@code failover} scenarios, then the {@code steady} ones, then the footprint. */
    void measure(Rig rig, Implementation impl, List<Scenario> failover, List<Steadiness> steady) {
        descriptions.put(impl.key(), impl.description());
        try {
            impl.prepare(rig.lab().nodes());
            try (Session session = new Session(rig.lab(), impl, rig.prober().log(), rig.holding(), rig.clock(),
                    Rig.VIP)) {
                session.startAll();
                // every scenario, cold start included, begins from a settled group
                session.awaitSettled(rig.lab().nodes(), 90_000);
                ScenarioRunner runner = new ScenarioRunner(session);
                for (Scenario sc : failover) {
                    attempt(rig, session, impl.key() + " " + sc.key(), () -> failovers(runner, sc));
                }
                SteadinessRunner steadyRunner = new SteadinessRunner(session, options.steady(), options.runs(), work,
                        threads);
                for (Steadiness sc : steady) {
                    attempt(rig, session, impl.key() + " " + sc.key(), () -> steadyRunner.run(sc, steadiness::add));
                }
                try {
                    footprints.put(impl.key(), new IdleFootprint(options.idleSeconds()).measure(session));
                } catch (RuntimeException e) {
                    errors.add(impl.key() + " idle footprint: " + e.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: {}", impl.key(), e.getMessage(), e);
            errors.add(impl.key() + ": " + e.getMessage());
        }
    }

    private void failovers(ScenarioRunner runner, Scenario sc) throws IOException {
        for (int i = 0; i < options.runs(); i++) {
            RunResult r = runner.run(sc, i);
            results.add(r);
            if (i == 0) {
                timelines.computeIfAbsent(sc, k -> new ArrayList<>()).add(runner.timeline(r));
            }
        }
    }

    /** Runs a scenario; on failure notes it and puts the lab back: every port attached, daemons restarted. */
    private void attempt(Rig rig, Session session, String what, Step step) throws IOException {
        try {
            step.run();
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: {}", what, e.getMessage(), e);
            errors.add(what + ": " + e.getMessage());
            session.stopAll();
            rig.lab().nodes().forEach(rig.lab()::reattach);
            session.startAll();
        }
    }

    List<RunResult> results() {
        return results;
    }

    List<SteadyResult> steadiness() {
        return steadiness;
    }

    List<String> errors() {
        return errors;
    }

    Map<Scenario, List<Timeline>> timelines() {
        return timelines;
    }

    Map<String, List<Footprint>> footprints() {
        return footprints;
    }

    Map<String, String> descriptions() {
        return descriptions;
    }
}
