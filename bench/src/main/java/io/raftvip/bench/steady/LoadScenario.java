package io.raftvip.bench.steady;

import java.io.IOException;
import java.util.List;
import io.raftvip.bench.fault.Load;
import io.raftvip.bench.fault.LoadStats;
import io.raftvip.bench.scenario.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The load alone for {@code --load-duration}: the window is the time the load ran, nothing else is done. */
final class LoadScenario {

    private static final Logger LOG = LoggerFactory.getLogger(LoadScenario.class);

    private final Session s;
    private final SteadyOptions options;
    private final LoadFactory loads;
    private final LeaseLosses leases;
    private final WindowObserver observer;

    LoadScenario(Session session, SteadyOptions options, LoadFactory loads, LeaseLosses leases,
                 WindowObserver observer) {
        this.s = session;
        this.options = options;
        this.loads = loads;
        this.leases = leases;
        this.observer = observer;
    }

    SteadyResult run() throws IOException {
        s.awaitStableOwner(500, 90_000);
        LeaseLossTally tally = leases.start();
        long t0;
        long end;
        LoadStats stats;
        try (Load load = loads.start(options.loadDurationMs() / 1_000)) {
            t0 = s.clock().micros();
            Session.pause(options.loadDurationMs());
            end = s.clock().micros();
            stats = load.stop();
        }
        Session.pause(Session.IN_FLIGHT_MICROS / 1_000);
        leases.observe(tally);
        Observation obs = observer.observe(t0, end, t0, List.of(), tally);
        LOG.info("{} load {} s: releases {}, moves {}, longest gap {} ms, gaps >= 10 ms {}, two owners {} ms, "
                + "lease losses {}; {} fsyncs (max {} ms)", s.impl().key(), Math.round(stats.seconds()),
                obs.counts().totalReleases(), obs.counts().moves(), StallScenario.fmt(obs.longestGapMs()), obs.gaps10(),
                StallScenario.fmt(obs.overlapMs()), obs.leaseLosses(), stats.fsyncs(),
                StallScenario.fmt(stats.fsyncMaxMs()));
        LoadFactory.requireRealLoad(stats, s.impl().key());
        return new SteadyResult(s.impl().key(), Steadiness.LOAD, 0, null, obs, null, stats, null, List.of());
    }
}
