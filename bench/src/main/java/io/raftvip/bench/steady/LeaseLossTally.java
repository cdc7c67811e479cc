package io.raftvip.bench.steady;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Adds up {@code raftvip_lease_losses_total} over a scenario from scrapes of each node, across
 * daemon restarts: a counter lives as long as its process, so a scrape from a process not seen
 * before (another pid) counts its whole value, one from the same process counts the increase.
 * A daemon killed between two scrapes takes its last increase with it; the scenarios scrape
 * right before each run for that reason.
 */
public final class LeaseLossTally {

    private record Seen(long pid, long value) {
    }

    private final Map<String, Seen> last = new HashMap<>();
    private final Map<String, Long> counted = new LinkedHashMap<>();
    private boolean complete = true;

    /** Creates an empty tally. */
    public LeaseLossTally() {
    }

    /** Records where {@code node}'s counter stands at the start, without counting it. */
    public void baseline(String node, long pid, long value) {
        last.put(node, new Seen(pid, value));
        counted.putIfAbsent(node, 0L);
    }

    /** Counts what {@code node}'s counter gained since the last scrape of the same process. */
    public void observe(String node, long pid, long value) {
        Seen before = last.get(node);
        long gained = before == null || before.pid() != pid ? value : Math.max(0, value - before.value());
        counted.merge(node, gained, Long::sum);
        last.put(node, new Seen(pid, value));
    }

    /** Notes a scrape that failed: the total is then a lower bound. */
    public void missed(String node) {
        complete = false;
        counted.putIfAbsent(node, 0L);
    }

    /** @return lease losses per node, in the order first seen */
    public Map<String, Long> perNode() {
        return new LinkedHashMap<>(counted);
    }

    /** @return lease losses of all nodes */
    public long total() {
        return counted.values().stream().mapToLong(Long::longValue).sum();
    }

    /** @return whether every scrape succeeded */
    public boolean complete() {
        return complete;
    }
}
