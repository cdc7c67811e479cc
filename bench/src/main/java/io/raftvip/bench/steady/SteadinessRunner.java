package io.raftvip.bench.steady;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import io.raftvip.bench.fault.NativeSignals;
import io.raftvip.bench.fault.ProcessFreezer;
import io.raftvip.bench.netns.NamespaceThreads;
import io.raftvip.bench.scenario.Session;

/**
 * Runs the steadiness scenarios against a running {@link Session}. Each leaves the group settled
 * (one owner, every node joined) for whatever comes next.
 */
public final class SteadinessRunner {

    private final Session session;
    private final SteadyOptions options;
    private final int runs;
    private final LoadFactory loads;
    private final LeaseLosses leases;
    private final WindowObserver observer;

    /**
     * @param session    the running implementation
     * @param options    stall and load settings
     * @param runs       start-together runs, and failover runs under load
     * @param storageDir a directory on the filesystem of raftvip's storage, for the load's fsync writer
     * @param threads    starts threads inside the node namespaces (metrics scrapes)
     */
    public SteadinessRunner(Session session, SteadyOptions options, int runs, Path storageDir,
                            NamespaceThreads threads) {
        this.session = session;
        this.options = options;
        this.runs = runs;
        this.loads = new LoadFactory(Runtime.getRuntime().availableProcessors(), storageDir);
        this.leases = new LeaseLosses(new MetricsScraper(threads), session);
        this.observer = new WindowObserver(session);
    }

    /**
     * Runs {@code scenario}, handing each measured window to {@code sink} as soon as it is done
     * (stall: one per duration; start-together: one per run), so a later failure keeps the earlier ones.
     */
    public void run(Steadiness scenario, Consumer<SteadyResult> sink) throws IOException {
        switch (scenario) {
            case STALL -> {
                NativeSignals signals = new NativeSignals();
                new StallScenario(session, options, new ProcessFreezer(signals, signals, session.clock()), leases,
                        observer).run(sink);
            }
            case LOAD -> sink.accept(new LoadScenario(session, options, loads, leases, observer).run());
            case START_TOGETHER -> {
                StartTogetherScenario start = new StartTogetherScenario(session, leases, observer);
                for (int i = 0; i < runs; i++) {
                    sink.accept(start.run(i));
                }
            }
            case CRASH_UNDER_LOAD, PARTITION_UNDER_LOAD ->
                    sink.accept(new UnderLoadScenario(session, loads, leases, observer, runs).run(scenario));
            default -> throw new IllegalStateException(scenario.toString());
        }
    }
}
