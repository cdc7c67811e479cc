package io.raftvip.bench.health;

import java.util.List;
import io.raftvip.bench.lab.LabNode;
import io.raftvip.bench.scenario.Session;
import io.raftvip.bench.steady.LeaseLossTally;
import io.raftvip.bench.steady.LeaseLosses;
import io.raftvip.bench.steady.Observation;
import io.raftvip.bench.steady.WindowObserver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One health-flap window per pattern: from a stable owner with every node healthy and no
 * hold-down running, that node's check fails and passes by the pattern, as many whole periods as
 * fit into the flap duration, on a schedule kept from the start (not from the previous step, so
 * the bench's own delays do not add up). The window runs one interval past the last flap (a
 * round that saw it may still be deciding) and is observed like a steadiness window; the
 * flapping node's own verdict changes are counted alongside.
 */
final class HealthFlapScenario {

    private static final Logger LOG = LoggerFactory.getLogger(HealthFlapScenario.class);

    private final Session s;
    private final ReadyzServers readyz;
    private final HealthWaits waits;
    private final Verdicts verdicts;
    private final HealthOptions options;
    private final LeaseLosses leases;
    private final WindowObserver observer;

    HealthFlapScenario(Session session, ReadyzServers readyz, HealthWaits waits, Verdicts verdicts,
                       HealthOptions options,
                       LeaseLosses leases, WindowObserver observer) {
        this.s = session;
        this.readyz = readyz;
        this.waits = waits;
        this.verdicts = verdicts;
        this.options = options;
        this.leases = leases;
        this.observer = observer;
    }

    FlapResult run(FlapPattern pattern) {
        List<LabNode> nodes = s.lab().nodes();
        waits.awaitHealthy(nodes);
        waits.awaitHoldDownOver();
        LabNode node = waits.awaitHealthy(nodes);
        int periods = (int) (options.flapDurationMs() / pattern.periodMs());
        long intervalMs = options.timing().intervalMs();
        LeaseLossTally tally = leases.start();
        Long changesBefore = verdicts.changes(node);
        long t0 = s.clock().micros();
        long startNanos = System.nanoTime();
        try {
            for (int k = 0; k < periods; k++) {
                long at = k * pattern.periodMs();
                sleepUntil(startNanos, at);
                readyz.fail(node);
                sleepUntil(startNanos, at + pattern.failMs());
                readyz.pass(node);
            }
        } finally {
            readyz.pass(node);
        }
        long windowMs = periods * pattern.periodMs() + intervalMs;
        sleepUntil(startNanos, windowMs + Session.IN_FLIGHT_MICROS / 1_000);
        long end = t0 + windowMs * 1_000;
        Long changesAfter = verdicts.changes(node);
        leases.observe(tally);
        Observation obs = observer.observe(t0, end, t0, List.of(), tally);
        Long changes = changesBefore == null || changesAfter == null ? null : changesAfter - changesBefore;
        FlapResult r = new FlapResult(s.impl().key(), pattern, node.id(), periods, changes, obs);
        LOG.info("{} health-flap {} on {} ({} x fail {} ms / pass {} ms): verdict changes {}, moves {}, releases {}, "
                + "longest gap {} ms, two owners {} ms", r.implementation(), pattern.name(), node.id(), periods,
                pattern.failMs(), pattern.passMs(), changes, obs.counts().moves(), obs.counts().totalReleases(),
                obs.longestGapMs(), obs.overlapMs());
        waits.awaitHealthy(nodes);
        return r;
    }

    private static void sleepUntil(long startNanos, long offsetMs) {
        long left = startNanos + offsetMs * 1_000_000 - System.nanoTime();
        if (left > 0) {
            Session.pause(left / 1_000_000);
        }
    }
}
