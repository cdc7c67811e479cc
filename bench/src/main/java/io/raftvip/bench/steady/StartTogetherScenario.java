package io.raftvip.bench.steady;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import io.raftvip.bench.lab.LabException;
import io.raftvip.bench.scenario.OutageAnalyzer;
import io.raftvip.bench.scenario.Session;
import io.raftvip.bench.watch.WindowCounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All daemons stopped, their state wiped (raftvip: empty storage), and started together. What
 * counts is what happens after the VIP is first bound, until every node has joined (raftvip:
 * finished its failover rehearsal) and {@value #TAIL_MS} ms more: each further release, bind and
 * move is start-up churn a client may notice.
 */
final class StartTogetherScenario {

    private static final Logger LOG = LoggerFactory.getLogger(StartTogetherScenario.class);
    static final long TAIL_MS = 5_000;
    private static final long FIRST_BIND_DEADLINE_MS = 60_000;

    private final Session s;
    private final LeaseLosses leases;
    private final WindowObserver observer;

    StartTogetherScenario(Session session, LeaseLosses leases, WindowObserver observer) {
        this.s = session;
        this.leases = leases;
        this.observer = observer;
    }

    SteadyResult run(int run) throws IOException {
        s.stopAll();
        s.impl().resetState();
        LeaseLossTally tally = leases.fresh();
        long t0 = s.clock().micros();
        s.startAll();
        long launched = s.clock().micros();
        long firstBind = awaitFirstBind(t0);
        s.awaitSettled(s.lab().nodes(), 90_000);
        Session.pause(TAIL_MS);
        long end = s.clock().micros() - Session.IN_FLIGHT_MICROS;
        leases.observe(tally);
        long firstAnswer = OutageAnalyzer.firstAnswer(s.probes().between(t0, end), t0);
        Observation obs = observer.observe(firstBind, end, firstAnswer < 0 ? firstBind : firstAnswer, List.of(), tally);
        long settled = WindowCounts.lastEvent(s.holding().intervals(firstBind, end), firstBind, end).orElse(firstBind);
        StartTimes times = new StartTimes((launched - t0) / 1000.0, (firstBind - t0) / 1000.0,
                firstAnswer < 0 ? -1 : (firstAnswer - t0) / 1000.0, (settled - t0) / 1000.0);
        LOG.info("{} start-together #{}: first bind {} ms; after it: releases {}, binds {}, moves {}, "
                + "last change {} ms, two owners {} ms, lease losses {}", s.impl().key(), run,
                StallScenario.fmt(times.firstBindMs()), obs.counts().totalReleases(), obs.counts().totalBinds(),
                obs.counts().moves(), StallScenario.fmt(times.settledMs()), StallScenario.fmt(obs.overlapMs()),
                obs.leaseLosses());
        return new SteadyResult(s.impl().key(), Steadiness.START_TOGETHER, run, null, obs, null, null, times,
                List.of());
    }

    private long awaitFirstBind(long t0) {
        long deadline = System.currentTimeMillis() + FIRST_BIND_DEADLINE_MS;
        while (System.currentTimeMillis() < deadline) {
            OptionalLong bind = s.holding().firstBindAfter(t0, -1);
            if (bind.isPresent()) {
                return bind.getAsLong();
            }
            Session.pause(10);
        }
        throw new LabException(s.impl().key() + ": no node bound the VIP within " + FIRST_BIND_DEADLINE_MS
                + " ms of starting all daemons together");
    }
}
