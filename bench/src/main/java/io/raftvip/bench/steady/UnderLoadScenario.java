package io.raftvip.bench.steady;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import io.raftvip.bench.fault.Load;
import io.raftvip.bench.fault.LoadStats;
import io.raftvip.bench.scenario.RunResult;
import io.raftvip.bench.scenario.Scenario;
import io.raftvip.bench.scenario.ScenarioRunner;
import io.raftvip.bench.scenario.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crash or partition failover, {@code --runs} times, each run measured exactly as in the
 * failover table, while the load runs the whole time (restores included). The window over all
 * runs is observed too: every run is expected to add one release, one bind and one move (and for
 * raftvip's partition one lease loss, the cut-off owner letting go); anything beyond is churn.
 */
final class UnderLoadScenario {

    private static final Logger LOG = LoggerFactory.getLogger(UnderLoadScenario.class);
    /** Generous per run: the hogs' own time limit is only a guard against a killed bench. */
    private static final long PLANNED_SECONDS_PER_RUN = 120;

    private final Session s;
    private final LoadFactory loads;
    private final LeaseLosses leases;
    private final WindowObserver observer;
    private final int runs;

    UnderLoadScenario(Session session, LoadFactory loads, LeaseLosses leases, WindowObserver observer, int runs) {
        this.s = session;
        this.loads = loads;
        this.leases = leases;
        this.observer = observer;
        this.runs = runs;
    }

    SteadyResult run(Steadiness which) throws IOException {
        Scenario failover = which == Steadiness.CRASH_UNDER_LOAD ? Scenario.CRASH : Scenario.PARTITION;
        s.awaitStableOwner(500, 90_000);
        LeaseLossTally tally = leases.start();
        ScenarioRunner runner = new ScenarioRunner(s);
        List<RunResult> results = new ArrayList<>();
        long t0;
        long end;
        LoadStats stats;
        try (Load load = loads.start(runs * PLANNED_SECONDS_PER_RUN)) {
            t0 = s.clock().micros();
            for (int i = 0; i < runs; i++) {
                // a crashed daemon takes its counter with it: bank every node's count before each run
                leases.observe(tally);
                results.add(runner.run(failover, i));
            }
            end = s.clock().micros() - Session.IN_FLIGHT_MICROS;
            stats = load.stop();
        }
        leases.observe(tally);
        Observation obs = observer.observe(t0, end, t0, failover == Scenario.CRASH ? results : List.of(), tally);
        LOG.info("{} {} x{}: releases {}, binds {}, moves {}, two owners {} ms, lease losses {}", s.impl().key(),
                which.key(), runs, obs.counts().totalReleases(), obs.counts().totalBinds(), obs.counts().moves(),
                StallScenario.fmt(obs.overlapMs()), obs.leaseLosses());
        LoadFactory.requireRealLoad(stats, s.impl().key());
        return new SteadyResult(s.impl().key(), which, 0, null, obs, null, stats, null, List.copyOf(results));
    }
}
