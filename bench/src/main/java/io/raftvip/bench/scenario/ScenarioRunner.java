package io.raftvip.bench.scenario;

import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import io.raftvip.bench.lab.LabNode;
import io.raftvip.bench.probe.Probe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one scenario once against a running {@link Session}: trigger the event, watch until a new
 * owner answers steadily (or a deadline passes), measure, then restore the lab so that the next
 * run starts from one healthy owner and three joined daemons.
 */
public final class ScenarioRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);
    private static final long STEADY_MS = 300;
    private static final long FAILOVER_DEADLINE_MS = 20_000;
    private static final long RESTORE_DEADLINE_MS = 90_000;
    /** After a partition, how long to keep watching the old owner once a new one answers. */
    private static final long PARTITION_HOLD_MS = 2_000;
    private static final long LOOKBACK_MICROS = 300_000;

    private final Session s;

    /** @param session the running implementation */
    public ScenarioRunner(Session session) {
        this.s = session;
    }

    /** Runs {@code scenario} once; @return its measurement */
    public RunResult run(Scenario scenario, int run) throws IOException {
        if (scenario == Scenario.COLD_START) {
            return coldStart(run);
        }
        LabNode owner = s.awaitStableOwner(500, RESTORE_DEADLINE_MS);
        long t0 = s.clock().micros();
        switch (scenario) {
            case CRASH -> {
                s.lab().cut(owner);
                s.daemon(owner).kill();
            }
            case GRACEFUL -> s.daemon(owner).terminate();
            case PARTITION -> s.lab().cut(owner);
            default -> throw new IllegalStateException(scenario.toString());
        }
        boolean recovered = awaitNewOwner(owner);
        long end = s.clock().micros() - Session.IN_FLIGHT_MICROS;
        if (scenario == Scenario.PARTITION && recovered) {
            end = holdForRelease(owner, end);
        }
        RunResult result = measure(scenario, run, owner, t0, end, recovered);
        restore(scenario, owner);
        return result;
    }

    private boolean awaitNewOwner(LabNode owner) {
        try {
            s.awaitSteadyOwner(owner.index(), STEADY_MS, FAILOVER_DEADLINE_MS);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("{}: no new owner after losing {}: {}", s.impl().key(), owner.id(), e.getMessage());
            return false;
        }
    }

    /** Keeps watching a partitioned owner until it lets go, or for a while after the new owner bound. */
    private long holdForRelease(LabNode owner, long end) {
        long deadline = end + PARTITION_HOLD_MS * 1_000;
        while (s.clock().micros() < deadline && s.holding().holders().contains(owner.index())) {
            Session.pause(20);
        }
        return Math.max(end, s.clock().micros());
    }

    private RunResult measure(Scenario scenario, int run, LabNode owner, long t0, long end, boolean recovered) {
        List<Probe> window = s.probes().between(t0 - LOOKBACK_MICROS, end);
        double outage = OutageAnalyzer.longestGapMs(window, t0, end);
        int newIdx = s.holding().firstBinderAfter(t0, owner.index());
        OptionalLong bind = s.holding().firstBindAfter(t0, owner.index());
        OptionalLong release = s.holding().releaseAfter(owner.index(), t0);
        boolean ownerStillHolds = s.holding().holds(owner.index(), end);
        // a crashed machine's stale address is unreachable and harmless: it is not a second owner
        List<Integer> among = IntStream.range(0, s.lab().nodes().size())
                .filter(i -> scenario != Scenario.CRASH || i != owner.index()).boxed().toList();
        double overlap = s.holding().overlapMicros(t0, end, among) / 1000.0;
        RunResult r = new RunResult(s.impl().key(), scenario, run, outage, recovered, owner.id(),
                newIdx < 0 ? null : s.lab().nodes().get(newIdx).id(),
                release.isPresent() && release.getAsLong() <= end ? (release.getAsLong() - t0) / 1000.0 : null,
                bind.isPresent() ? (bind.getAsLong() - t0) / 1000.0 : null,
                overlap, scenario == Scenario.PARTITION && ownerStillHolds, t0, end);
        LOG.info("{} {} #{}: outage {} ms, {} -> {}, release {} ms, bind {} ms, overlap {} ms{}", r.implementation(),
                scenario.key(), run, fmt(outage), r.oldOwner(), r.newOwner(), r.releaseMs(), r.bindMs(), fmt(overlap),
                r.neverReleased() ? ", NEVER RELEASED" : "");
        return r;
    }

    private void restore(Scenario scenario, LabNode owner) throws IOException {
        switch (scenario) {
            case CRASH -> {
                s.daemon(owner).awaitExit(15_000);
                s.lab().removeAddress(owner, s.vip());
                s.lab().reattach(owner);
                s.start(owner);
            }
            case GRACEFUL -> {
                s.daemon(owner).awaitExit(15_000);
                s.start(owner);
            }
            case PARTITION -> s.lab().reattach(owner);
            default -> throw new IllegalStateException(scenario.toString());
        }
        s.awaitSettled(List.of(owner), RESTORE_DEADLINE_MS);
    }

    private RunResult coldStart(int run) throws IOException {
        s.stopAll();
        s.impl().resetState();
        long t0 = s.clock().micros();
        s.startAll();
        long deadline = t0 + 60_000_000L;
        long first = -1;
        while (first < 0 && s.clock().micros() < deadline) {
            first = OutageAnalyzer.firstAnswer(s.probes().between(t0, Long.MAX_VALUE), t0);
            if (first < 0) {
                Session.pause(10);
            }
        }
        boolean recovered = first >= 0;
        LabNode owner = recovered ? s.awaitStableOwner(500, RESTORE_DEADLINE_MS) : null;
        long end = s.clock().micros() - Session.IN_FLIGHT_MICROS;
        OptionalLong bind = s.holding().firstBindAfter(t0, -1);
        double firstMs = recovered ? (first - t0) / 1000.0 : (end - t0) / 1000.0;
        List<Integer> all = IntStream.range(0, s.lab().nodes().size()).boxed().toList();
        RunResult r = new RunResult(s.impl().key(), Scenario.COLD_START, run, firstMs, recovered, null,
                owner == null ? null : owner.id(), null,
                bind.isPresent() ? (bind.getAsLong() - t0) / 1000.0 : null,
                s.holding().overlapMicros(t0, end, all) / 1000.0, false, t0, end);
        LOG.info("{} cold-start #{}: first answer after {} ms from {}, bind {} ms", r.implementation(), run,
                fmt(firstMs), r.newOwner(), r.bindMs());
        if (owner == null) {
            throw new io.raftvip.bench.lab.LabException(s.impl().key() + ": VIP never answered after cold start");
        }
        s.awaitSettled(s.lab().nodes(), RESTORE_DEADLINE_MS);
        return r;
    }

    /** Captures the picture data of a measured run. */
    public Timeline timeline(RunResult r) {
        long from = r.eventMicros() - 500_000;
        long to = Math.max(r.endMicros(), r.eventMicros() + 1_000_000) + 300_000;
        return new Timeline(r.implementation(), r.scenario(), s.lab().nodes().stream().map(LabNode::id).toList(),
                r.eventMicros(), from, to, s.probes().between(from, to), s.holding().intervals(from, to));
    }

    private static String fmt(double ms) {
        return String.format("%.1f", ms);
    }
}
