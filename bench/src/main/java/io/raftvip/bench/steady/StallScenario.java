package io.raftvip.bench.steady;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import io.raftvip.bench.fault.ProcessFreezer;
import io.raftvip.bench.fault.Stall;
import io.raftvip.bench.fault.StallSchedule;
import io.raftvip.bench.fault.StallStats;
import io.raftvip.bench.lab.LabNode;
import io.raftvip.bench.scenario.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For each stall duration D, a series: every {@code stall-every} for {@code stall-window}, the
 * daemon of whichever node holds the VIP at that moment (per the watchers; it may have changed
 * since the last stall) is frozen for D ms: all its processes (raftvip: the JVM; keepalived: the
 * parent and its VRRP child). The window runs on for one interval after the last stall, then the
 * group is allowed to settle before the next series.
 */
final class StallScenario {

    private static final Logger LOG = LoggerFactory.getLogger(StallScenario.class);
    private static final long SETTLE_DEADLINE_MS = 90_000;

    private final Session s;
    private final SteadyOptions options;
    private final ProcessFreezer freezer;
    private final LeaseLosses leases;
    private final WindowObserver observer;

    StallScenario(Session session, SteadyOptions options, ProcessFreezer freezer, LeaseLosses leases,
                  WindowObserver observer) {
        this.s = session;
        this.options = options;
        this.freezer = freezer;
        this.leases = leases;
        this.observer = observer;
    }

    void run(Consumer<SteadyResult> sink) {
        for (long stallMs : options.stallsMs()) {
            sink.accept(series(stallMs));
            s.awaitSettled(s.lab().nodes(), SETTLE_DEADLINE_MS);
        }
    }

    private SteadyResult series(long stallMs) {
        s.awaitStableOwner(500, SETTLE_DEADLINE_MS);
        LeaseLossTally tally = leases.start();
        StallSchedule schedule = new StallSchedule(options.stallWindowMs(), options.stallEveryMs());
        List<Long> offsets = schedule.offsetsMillis();
        List<Stall> stalls = new ArrayList<>();
        long t0 = s.clock().micros();
        long startNanos = System.nanoTime();
        for (long offset : offsets) {
            sleepUntil(startNanos + offset * 1_000_000);
            LabNode owner = currentOwner();
            if (owner == null) {
                LOG.warn("{} stall {} ms: no single owner at +{} ms (holders {}); stall skipped", s.impl().key(),
                        stallMs, offset, s.holding().holders());
                stalls.add(new Stall("-", s.clock().micros(), stallMs * 1_000, 0, 0, 0, 0));
                continue;
            }
            List<Long> pids = s.daemon(owner).daemons().stream().map(ProcessHandle::pid).toList();
            Stall stall = freezer.freeze(owner.id(), pids, stallMs * 1_000);
            stalls.add(stall);
            LOG.debug("{}: froze {} {} for {} µs", s.impl().key(), owner.id(), pids, stall.measuredMicros());
        }
        long end = t0 + options.stallWindowMs() * 1_000;
        // answers to the window's last probes may still be on their way
        sleepUntil(startNanos + (options.stallWindowMs() * 1_000 + Session.IN_FLIGHT_MICROS) * 1_000);
        leases.observe(tally);
        Observation obs = observer.observe(t0, end, t0, List.of(), tally);
        StallStats stats = StallStats.of(stalls, offsets.size());
        LOG.info("{} stall {} ms x{}: measured {}..{} ms; releases {}, moves {}, longest gap {} ms, two owners {} ms, "
                + "lease losses {}", s.impl().key(), stallMs, stats.done(), fmt(stats.minMs()), fmt(stats.maxMs()),
                obs.counts().totalReleases(), obs.counts().moves(), fmt(obs.longestGapMs()), fmt(obs.overlapMs()),
                obs.leaseLosses());
        return new SteadyResult(s.impl().key(), Steadiness.STALL, 0, stallMs, obs, stats, null, null, List.of());
    }

    /** @return the one node holding the VIP per the watchers, or null when none or several do */
    private LabNode currentOwner() {
        List<Integer> holders = s.holding().holders();
        if (holders.size() != 1 || s.daemon(s.lab().nodes().get(holders.get(0))) == null) {
            return null;
        }
        return s.lab().nodes().get(holders.get(0));
    }

    private static void sleepUntil(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            Session.pause(left / 1_000_000);
        }
    }

    static String fmt(double ms) {
        return String.format("%.1f", ms);
    }
}
