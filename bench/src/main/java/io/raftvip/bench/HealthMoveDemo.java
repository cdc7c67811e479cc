package io.raftvip.bench;

import java.io.IOException;
import java.util.List;
import io.raftvip.bench.daemon.HealthSection;
import io.raftvip.bench.daemon.HealthTiming;
import io.raftvip.bench.daemon.RaftvipImplementation;
import io.raftvip.bench.health.HealthWaits;
import io.raftvip.bench.health.MoveAnalyzer;
import io.raftvip.bench.health.MoveRun;
import io.raftvip.bench.health.ReadyzServers;
import io.raftvip.bench.health.Verdicts;
import io.raftvip.bench.lab.LabException;
import io.raftvip.bench.lab.LabNode;
import io.raftvip.bench.netns.NamespaceThreads;
import io.raftvip.bench.scenario.Session;
import io.raftvip.bench.steady.MetricsScraper;

/**
 * The demo's health-driven move, built from the health-move scenario's parts: with every node
 * healthy, the owner's API server stand-in answers 503; raftvip hands the VIP, release-first, to a
 * healthy node. The stand-in then answers 200 again, and with {@code preempt: false} the VIP stays
 * where it is.
 */
final class HealthMoveDemo {

    /** Short enough for a demo: a failure noticed within ~2 s, a recovery within ~2 s, a 5 s hold-down. */
    static final HealthTiming TIMING = new HealthTiming(1_000, 800, 2, 2, 5_000);
    /** How long the demo watches the VIP stay after the old owner is healthy again. */
    private static final long STAY_MS = 5_000;
    private static final long STEADY_MS = 300;
    /** Beyond fall × interval and the timeout, as the health-move scenario allows. */
    private static final long MOVE_SLACK_MS = 20_000;

    private final Session s;
    private final RaftvipImplementation raftvip;
    private final ReadyzServers readyz;
    private final HealthWaits waits;

    /**
     * @param session daemons prepared with {@code new HealthSection(TIMING)}
     * @param readyz  the API server stand-ins their checks ask
     * @param threads enters the node namespaces to read the daemons' verdicts from their metrics
     */
    HealthMoveDemo(Session session, RaftvipImplementation raftvip, ReadyzServers readyz, NamespaceThreads threads) {
        this.s = session;
        this.raftvip = raftvip;
        this.readyz = readyz;
        this.waits = new HealthWaits(session, Verdicts.of(raftvip, session.lab().nodes(), TIMING,
                new MetricsScraper(threads)), TIMING);
    }

    void run() throws IOException, InterruptedException {
        List<LabNode> nodes = s.lab().nodes();
        LabNode owner = waits.awaitHealthy(nodes);
        Demo.say("health checks: %s, preempt false", new HealthSection(TIMING).describe());
        Demo.say("every node is healthy; owner %s", owner.id());
        long t0 = s.clock().micros();
        readyz.fail(owner);
        Demo.say("%s's API server now answers /readyz with 503", owner.id());
        LabNode next = s.awaitSteadyOwner(owner.index(), STEADY_MS,
                TIMING.detectionBudgetMs() + TIMING.timeoutMs() + MOVE_SLACK_MS);
        long end = s.clock().micros() - Session.IN_FLIGHT_MICROS;
        MoveRun r = MoveAnalyzer.analyze(raftvip.key(), 0, nodes.stream().map(LabNode::id).toList(), owner.index(),
                t0, end, s.probes().between(t0, end), s.holding().intervals(t0, end), true);
        Demo.say("new owner: %s; the VIP answered from it %s ms after %s's API server failed", next.id(),
                ms(r.answerMs()), owner.id());
        Demo.say("outage seen by the client: %.0f ms (longest run of unanswered probes)", r.outageMs());
        Demo.say("address watchers: %s released the VIP at +%s ms, %s bound it at +%s ms: %s", owner.id(),
                ms(r.releaseMs()), r.newOwner(), ms(r.bindMs()), r.releasedBeforeBind()
                        ? "released before the new owner bound" : String.format("OVERLAP %.0f ms", r.overlapMs()));
        Demo.say("$ raftvipctl --endpoint %s status", raftvip.endpoint(next));
        Demo.ctl(raftvip, next, "status");
        stays(owner, next);
    }

    /** Restores the old owner's API server and checks that the VIP does not move back. */
    private void stays(LabNode old, LabNode owner) {
        long restored = s.clock().micros();
        readyz.pass(old);
        LabNode now = waits.awaitHealthy(s.lab().nodes());
        long healthy = s.clock().micros();
        Demo.say("%s's API server answers 200 again; %s sees it healthy within %d ms (rise %d)", old.id(),
                now.id(), (healthy - restored) / 1000, TIMING.rise());
        Session.pause(STAY_MS);
        long end = s.clock().micros() - Session.IN_FLIGHT_MICROS;
        boolean bound = s.holding().firstBindAfter(restored, owner.index()).isPresent();
        if (now != owner || bound || s.probes().steadyAnswerer(restored, end) != owner.index()) {
            throw new LabException("the VIP did not stay on " + owner.id() + " after " + old.id()
                    + " was healthy again (preempt: false); holders per watchers: " + s.holding().holders());
        }
        Demo.say("%s keeps the VIP (preempt: false): it answered every probe in the %d s since %s's API server recovered",
                owner.id(), (end - restored) / 1_000_000, old.id());
    }

    private static String ms(Double value) {
        return value == null ? "?" : String.format("%.0f", value);
    }
}
