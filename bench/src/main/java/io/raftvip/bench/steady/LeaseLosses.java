package io.raftvip.bench.steady;

import java.io.IOException;
import java.util.List;
import java.util.OptionalDouble;
import io.raftvip.bench.lab.LabNode;
import io.raftvip.bench.scenario.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scrapes {@code raftvip_lease_losses_total} from every node of a session into a
 * {@link LeaseLossTally}. Only for implementations that serve metrics (raftvip); for the others
 * lease losses do not exist and nothing is scraped.
 */
public final class LeaseLosses {

    static final String METRIC = "raftvip_lease_losses_total";
    private static final Logger LOG = LoggerFactory.getLogger(LeaseLosses.class);

    private final MetricsScraper scraper;
    private final Session session;

    /**
     * @param scraper fetches a node's metrics
     * @param session the running implementation
     */
    public LeaseLosses(MetricsScraper scraper, Session session) {
        this.scraper = scraper;
        this.session = session;
    }

    /** @return whether the implementation serves metrics at all */
    boolean applies() {
        return session.impl().metrics(session.lab().nodes().get(0)) != null;
    }

    /** @return a tally with every node's current value as its start, or null when not applicable */
    public LeaseLossTally start() {
        if (!applies()) {
            return null;
        }
        LeaseLossTally tally = new LeaseLossTally();
        scrape(tally, true);
        return tally;
    }

    /** @return an empty tally for daemons started afresh (their counters start at 0), or null */
    LeaseLossTally fresh() {
        return applies() ? new LeaseLossTally() : null;
    }

    /** Adds what each node's counter gained since the last scrape; no-op for a null tally. */
    public void observe(LeaseLossTally tally) {
        if (tally != null) {
            scrape(tally, false);
        }
    }

    private void scrape(LeaseLossTally tally, boolean baseline) {
        for (LabNode node : session.lab().nodes()) {
            List<ProcessHandle> procs = session.daemon(node) == null ? List.of() : session.daemon(node).daemons();
            if (procs.isEmpty()) {
                tally.missed(node.id());
                continue;
            }
            try {
                OptionalDouble v = MetricsText.value(scraper.fetch(node.netns(), session.impl().metrics(node)), METRIC);
                if (v.isEmpty()) {
                    LOG.warn("{}: {} not in its metrics", node.id(), METRIC);
                    tally.missed(node.id());
                } else if (baseline) {
                    tally.baseline(node.id(), procs.get(0).pid(), Math.round(v.getAsDouble()));
                } else {
                    tally.observe(node.id(), procs.get(0).pid(), Math.round(v.getAsDouble()));
                }
            } catch (IOException e) {
                LOG.warn("{}: scraping lease losses: {}", node.id(), e.getMessage());
                tally.missed(node.id());
            }
        }
    }
}
