package io.raftvip.bench.health;

import java.util.List;
import java.util.Map;
import io.raftvip.bench.daemon.HealthTiming;
import io.raftvip.bench.daemon.Implementation;
import io.raftvip.bench.daemon.KeepalivedImplementation;
import io.raftvip.bench.lab.LabNode;
import io.raftvip.bench.steady.MetricsScraper;

/**
 * The health verdicts an implementation itself holds (after fall/rise), read from outside: the
 * bench waits on them (every node healthy before a run) and counts their changes (a flapping
 * check that changed a verdict).
 */
public interface Verdicts {

    /** A node's health as the implementation sees it. */
    enum Verdict { HEALTHY, UNHEALTHY, UNKNOWN }

    /** @return every node's verdict by node id as {@code asked} sees it (a missing node: unknown) */
    Map<String, Verdict> seenBy(LabNode asked);

    /** @return a counter of {@code node}'s own verdict changes, or null when it cannot be read now */
    Long changes(LabNode node);

    /** @return how long after a health-driven move the implementation makes no other (0: no such rule) */
    long holdDownMs();

    /**
     * @param nodes   the lab's nodes
     * @param scraper fetches raftvip's metrics from inside a node's namespace
     * @return the reader for {@code impl}: keepalived's notify states, or raftvip's metrics
     */
    static Verdicts of(Implementation impl, List<LabNode> nodes, HealthTiming timing, MetricsScraper scraper) {
        if (impl instanceof KeepalivedImplementation keepalived) {
            return new VrrpStateVerdicts(keepalived, nodes);
        }
        return new MetricsVerdicts(impl, scraper, timing.holdDownMs());
    }
}
