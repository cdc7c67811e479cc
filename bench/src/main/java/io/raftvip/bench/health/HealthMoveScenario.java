package io.raftvip.bench.health;

import java.util.List;
import io.raftvip.bench.daemon.HealthTiming;
import io.raftvip.bench.lab.LabException;
import io.raftvip.bench.lab.LabNode;
import io.raftvip.bench.scenario.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One health-move run: from a stable owner with every node healthy (and no hold-down running),
 * the owner's API server stand-in starts answering 503, so its check fails from its next round on; the run ends
 * when another node has answered every probe for 300 ms. Restore: the stand-in answers 200 again and
 * the old owner is healthy again (neither raftvip with {@code preempt: false} nor keepalived with
 * {@code nopreempt} moves the VIP back), so the next run starts from the new owner.
 */
final class HealthMoveScenario {

    private static final Logger LOG = LoggerFactory.getLogger(HealthMoveScenario.class);
    private static final long STEADY_MS = 300;
    /** Beyond fall × interval and the timeout, as the failover scenarios allow a new owner. */
    private static final long MOVE_SLACK_MS = 20_000;

    private final Session s;
    private final ReadyzServers readyz;
    private final HealthWaits waits;
    private final HealthTiming timing;

    HealthMoveScenario(Session session, ReadyzServers readyz, HealthWaits waits, HealthTiming timing) {
        this.s = session;
        this.readyz = readyz;
        this.waits = waits;
        this.timing = timing;
    }

    MoveRun run(int run) {
        List<LabNode> nodes = s.lab().nodes();
        waits.awaitHealthy(nodes);
        waits.awaitHoldDownOver();
        LabNode owner = waits.awaitHealthy(nodes);
        long t0 = s.clock().micros();
        boolean recovered;
        long end;
        try {
            readyz.fail(owner);
            recovered = awaitOther(owner);
            end = s.clock().micros() - Session.IN_FLIGHT_MICROS;
        } finally {
            readyz.pass(owner);
        }
        MoveRun r = MoveAnalyzer.analyze(s.impl().key(), run, nodes.stream().map(LabNode::id).toList(),
                owner.index(), t0, end, s.probes().between(t0, end), s.holding().intervals(t0, end), recovered);
        LOG.info("{} health-move #{}: {} -> {}, answers after {} ms (release {} ms, bind {} ms), outage {} ms, "
                + "overlap {} ms", r.implementation(), run, r.oldOwner(), r.newOwner(), r.answerMs(), r.releaseMs(),
                r.bindMs(), r.outageMs(), r.overlapMs());
        waits.awaitHealthy(nodes);
        return r;
    }

    private boolean awaitOther(LabNode owner) {
        try {
            s.awaitSteadyOwner(owner.index(), STEADY_MS, timing.detectionBudgetMs() + timing.timeoutMs()
                    + MOVE_SLACK_MS);
            return true;
        } catch (LabException e) {
            LOG.warn("{}: the VIP did not move off {} after its check failed: {}", s.impl().key(), owner.id(),
                    e.getMessage());
            return false;
        }
    }
}
