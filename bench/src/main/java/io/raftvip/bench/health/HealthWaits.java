package io.raftvip.bench.health;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import io.raftvip.bench.daemon.HealthTiming;
import io.raftvip.bench.lab.LabException;
import io.raftvip.bench.lab.LabNode;
import io.raftvip.bench.scenario.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The conditions a health run starts from, with deadlines derived from the health timing: a
 * stable owner that sees every node healthy, and no hold-down of an earlier move still running.
 */
public final class HealthWaits {

    private static final Logger LOG = LoggerFactory.getLogger(HealthWaits.class);
    /** Beyond the timing: daemons on a loaded 2-core host, Raft replication of the verdicts. */
    private static final long SLACK_MS = 15_000;
    private static final long STABLE_DEADLINE_MS = 90_000;

    private final Session s;
    private final Verdicts verdicts;
    private final HealthTiming timing;

    /**
     * @param session  the running implementation
     * @param verdicts how to read its verdicts
     * @param timing   the checks' timing
     */
    public HealthWaits(Session session, Verdicts verdicts, HealthTiming timing) {
        this.s = session;
        this.verdicts = verdicts;
        this.timing = timing;
    }

    /**
     * Waits until there is a stable owner and it sees every node of {@code nodes} healthy: a check
     * that passes again makes its node healthy after rise rounds, so (rise + 1) × interval plus the
     * timeout and some slack is long enough.
     *
     * @return the owner
     * @throws LabException naming the nodes that are not healthy after the deadline
     */
    public LabNode awaitHealthy(List<LabNode> nodes) {
        long budget = (timing.rise() + 1) * timing.intervalMs() + timing.timeoutMs() + SLACK_MS;
        long deadline = System.currentTimeMillis() + budget;
        while (true) {
            LabNode owner = s.awaitStableOwner(500, STABLE_DEADLINE_MS);
            Map<String, Verdicts.Verdict> seen = verdicts.seenBy(owner);
            if (nodes.stream().allMatch(n -> seen.get(n.id()) == Verdicts.Verdict.HEALTHY)) {
                return owner;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new LabException(s.impl().key() + ": not every node healthy within " + budget + " ms ((rise "
                        + timing.rise() + " + 1) x interval, timeout and slack): verdicts seen by " + owner.id()
                        + ": " + seen);
            }
            Session.pause(Math.max(50, Math.min(500, timing.intervalMs() / 4)));
        }
    }

    /**
     * Waits until the hold-down after the latest bind is over. A move that the owner decided on
     * its own (a health move) blocks the next one for the hold-down; the daemon does not publish
     * when its hold-down ends, but it starts before the release that precedes the bind, so the
     * latest bind plus the hold-down is never too early. A bind that was no health move (a
     * failover) only makes the wait longer than needed.
     */
    public void awaitHoldDownOver() {
        OptionalLong last = s.holding().lastBind();
        if (verdicts.holdDownMs() == 0 || last.isEmpty()) {
            return;
        }
        long over = last.getAsLong() + verdicts.holdDownMs() * 1_000 + 100_000;
        long left = (over - s.clock().micros()) / 1_000;
        if (left > 0) {
            LOG.info("{}: waiting {} ms for the hold-down ({} ms) of the last move to end", s.impl().key(), left,
                    verdicts.holdDownMs());
            Session.pause(left);
        }
    }
}
