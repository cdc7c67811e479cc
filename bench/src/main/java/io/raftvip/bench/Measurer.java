package io.raftvip.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.raftvip.bench.daemon.FootprintSampler.Footprint;
import io.raftvip.bench.daemon.HealthSection;
import io.raftvip.bench.daemon.Implementation;
import io.raftvip.bench.health.HealthResults;
import io.raftvip.bench.health.HealthRunner;
import io.raftvip.bench.health.HealthScenario;
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
 * reset, and the others go on. The health scenarios need a health check on every node: with
 * {@code --health} every scenario has it and they run in the same session; without, the daemons
 * are started once more with it for the health scenarios alone, so that the other scenarios
 * measure what ships without a {@code health:} section.
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
    private final HealthResults health = new HealthResults();
    private final HealthSection healthSection;

    /**
     * @param options validated options (runs, idle window, steadiness settings)
     * @param work    the run's scratch directory, which also holds raftvip's storage
     */
    Measurer(BenchOptions options, Path work) {
        this.options = options;
        this.work = work;
        this.healthSection = new HealthSection(options.health().timing());
    }

    /**
     * Measures {@code impl}: the {@code failover} scenarios, then the {@code steady} ones, then the
     * {@code healthScenarios}, then the footprint.
     */
    void measure(Rig rig, Implementation impl, List<Scenario> failover, List<Steadiness> steady,
                 List<HealthScenario> healthScenarios) {
        boolean checksThroughout = options.health().enabled();
        descriptions.put(impl.key(), impl.description()
                + (checksThroughout ? "; health checks on (--health): " + healthSection.describe() : ""));
        try {
            rig.readyz().passAll();
            impl.prepare(rig.lab().nodes(), checksThroughout ? healthSection : null);
            try (Session session = session(rig, impl)) {
                ScenarioRunner runner = new ScenarioRunner(session);
                for (Scenario sc : failover) {
                    attempt(rig, session, impl.key() + " " + sc.key(), () -> failovers(runner, sc));
                }
                SteadinessRunner steadyRunner = new SteadinessRunner(session, options.steady(), options.runs(), work,
                        threads);
                for (Steadiness sc : steady) {
                    attempt(rig, session, impl.key() + " " + sc.key(), () -> steadyRunner.run(sc, steadiness::add));
                }
                if (checksThroughout) {
                    health(rig, session, healthScenarios);
                }
                try {
                    footprints.put(impl.key(), new IdleFootprint(options.idleSeconds()).measure(session));
                } catch (RuntimeException e) {
                    errors.add(impl.key() + " idle footprint: " + e.getMessage());
                }
            }
            if (!checksThroughout && !healthScenarios.isEmpty()) {
                LOG.info("{}: restarting the daemons with a health check on every node for {}", impl.key(),
                        healthScenarios.stream().map(HealthScenario::key).toList());
                impl.prepare(rig.lab().nodes(), healthSection);
                try (Session session = session(rig, impl)) {
                    health(rig, session, healthScenarios);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: {}", impl.key(), e.getMessage(), e);
            errors.add(impl.key() + ": " + e.getMessage());
        }
    }

    /** Starts the daemons and waits until they settled: every scenario begins from a settled group. */
    private static Session session(Rig rig, Implementation impl) throws IOException {
        Session session = new Session(rig.lab(), impl, rig.prober().log(), rig.holding(), rig.clock(), Rig.VIP);
        try {
            session.startAll();
            session.awaitSettled(rig.lab().nodes(), 90_000);
            return session;
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private void health(Rig rig, Session session, List<HealthScenario> scenarios) throws IOException {
        HealthRunner runner = new HealthRunner(session, rig.readyz(), options.health(), options.runs(),
                threads);
        for (HealthScenario sc : scenarios) {
            attempt(rig, session, session.impl().key() + " " + sc.key(), () -> runner.run(sc, health));
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

    HealthResults health() {
        return health;
    }

    HealthSection healthSection() {
        return healthSection;
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
