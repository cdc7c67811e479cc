package io.raftvip.bench.health;

import io.raftvip.bench.netns.NamespaceThreads;
import io.raftvip.bench.scenario.Session;
import io.raftvip.bench.steady.LeaseLosses;
import io.raftvip.bench.steady.MetricsScraper;
import io.raftvip.bench.steady.WindowObserver;

/**
 * Runs the health scenarios against a {@link Session} whose daemons were prepared with a
 * {@link io.raftvip.bench.daemon.HealthSection}, checking the {@link ReadyzServers}. Each leaves
 * the group settled, every node healthy, for what comes next.
 */
public final class HealthRunner {

    private final Session session;
    private final HealthOptions options;
    private final int runs;
    private final ReadyzServers readyz;
    private final Verdicts verdicts;
    private final HealthWaits waits;
    private final MetricsScraper scraper;

    /**
     * @param session the running implementation, its daemons configured with a health section
     * @param readyz  the API server stand-ins their checks ask
     * @param options timing and flap duration
     * @param runs    health-move runs
     * @param threads starts threads inside the node namespaces (metrics scrapes)
     */
    public HealthRunner(Session session, ReadyzServers readyz, HealthOptions options, int runs,
                        NamespaceThreads threads) {
        this.session = session;
        this.options = options;
        this.runs = runs;
        this.readyz = readyz;
        this.scraper = new MetricsScraper(threads);
        this.verdicts = Verdicts.of(session.impl(), session.lab().nodes(), options.timing(), scraper);
        this.waits = new HealthWaits(session, verdicts, options.timing());
    }

    /** Runs {@code scenario}, handing each run or window to {@code sink} as soon as it is done. */
    public void run(HealthScenario scenario, HealthResults sink) {
        switch (scenario) {
            case MOVE -> {
                HealthMoveScenario move = new HealthMoveScenario(session, readyz, waits, options.timing());
                for (int i = 0; i < runs; i++) {
                    sink.add(move.run(i));
                }
            }
            case FLAP -> {
                HealthFlapScenario flap = new HealthFlapScenario(session, readyz, waits, verdicts, options,
                        new LeaseLosses(scraper, session), new WindowObserver(session));
                for (FlapPattern p : FlapPattern.of(options.timing())) {
                    sink.add(flap.run(p));
                }
            }
            default -> throw new IllegalStateException(scenario.toString());
        }
    }
}
