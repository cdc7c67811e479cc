package io.raftvip.bench.daemon;

import java.util.List;
import io.raftvip.bench.lab.LabNode;

/**
 * Health checks for every node of a run: one http check per node, {@code GET
 * http://NODE:6443/readyz}, answered in the node's namespace by the bench's stand-in for the
 * Kubernetes API server, so the bench decides each node's outcome. raftvip gets it as a
 * {@code health:} section with an {@code http} check, keepalived as a {@code vrrp_script} running
 * curl against the same URL with the same timing.
 *
 * @param timing interval, timeout, fall, rise, hold-down
 */
public record HealthSection(HealthTiming timing) {

    /** The check's name in raftvip's configuration, logs and status. */
    public static final String CHECK_NAME = "apiserver";
    /** The stand-in's port: the API server's, in plain http (TLS would test the JDK, not the failover). */
    public static final int PORT = 6443;
    private static final String CURL = "/usr/bin/curl";

    /** @return the URL {@code node} checks: its own stand-in, on its own address */
    public String url(LabNode node) {
        return url(node.address());
    }

    private static String url(String host) {
        return "http://" + host + ":" + PORT + "/readyz";
    }

    /**
     * @return keepalived's script for {@code node}: curl fails (exit 22) on a 503 with {@code -f}, and
     *         {@code --max-time} ends it at the timeout as raftvip's check ends at its own
     */
    public List<String> curlCommand(LabNode node) {
        return List.of(CURL, "-fsS", "-o", "/dev/null", "--max-time", seconds(timing.timeoutMs()), url(node));
    }

    private static String seconds(long ms) {
        return ms % 1_000 == 0 ? Long.toString(ms / 1_000) : String.format(java.util.Locale.ROOT, "%.3f", ms / 1000.0);
    }

    /** @return the setting for the report, e.g. {@code http GET http://NODE:6443/readyz (...), interval 2s, ...} */
    public String describe() {
        return "http GET " + url("NODE") + " (the bench's API server stand-in), " + timing.describe();
    }
}
