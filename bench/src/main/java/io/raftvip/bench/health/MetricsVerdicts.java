package io.raftvip.bench.health;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import io.raftvip.bench.daemon.Implementation;
import io.raftvip.bench.lab.LabNode;
import io.raftvip.bench.steady.MetricsScraper;
import io.raftvip.bench.steady.MetricsText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * raftvip's verdicts from its metrics: {@code raftvip_member_health{member}} is each member's
 * health as replicated through Raft (1 healthy, 0 unhealthy, -1 unknown), which is what the owner
 * decides on; {@code raftvip_health_transitions_total} counts the node's own changes.
 */
final class MetricsVerdicts implements Verdicts {

    static final String MEMBER_HEALTH = "raftvip_member_health";
    static final String TRANSITIONS = "raftvip_health_transitions_total";
    private static final Logger LOG = LoggerFactory.getLogger(MetricsVerdicts.class);

    private final Implementation impl;
    private final MetricsScraper scraper;
    private final long holdDownMs;

    MetricsVerdicts(Implementation impl, MetricsScraper scraper, long holdDownMs) {
        this.impl = impl;
        this.scraper = scraper;
        this.holdDownMs = holdDownMs;
    }

    @Override
    public Map<String, Verdict> seenBy(LabNode asked) {
        Map<String, Verdict> out = new LinkedHashMap<>();
        try {
            MetricsText.byLabel(scraper.fetch(asked.netns(), impl.metrics(asked)), MEMBER_HEALTH, "member")
                    .forEach((member, v) -> out.put(member, verdict(v)));
        } catch (IOException e) {
            // asked again on the next poll; a node that never answers ends in the caller's deadline
            LOG.debug("{}: reading member health: {}", asked.id(), e.getMessage());
        }
        return out;
    }

    static Verdict verdict(double value) {
        return value == 1 ? Verdict.HEALTHY : value == 0 ? Verdict.UNHEALTHY : Verdict.UNKNOWN;
    }

    @Override
    public Long changes(LabNode node) {
        try {
            OptionalDouble v = MetricsText.value(scraper.fetch(node.netns(), impl.metrics(node)), TRANSITIONS);
            return v.isPresent() ? Math.round(v.getAsDouble()) : null;
        } catch (IOException e) {
            LOG.warn("{}: reading {}: {}", node.id(), TRANSITIONS, e.getMessage());
            return null;
        }
    }

    @Override
    public long holdDownMs() {
        return holdDownMs;
    }
}
