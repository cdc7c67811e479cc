package io.raftvip.bench.daemon;

import java.io.IOException;
import java.util.List;
import io.raftvip.bench.lab.LabNode;

/**
 * A VIP manager under test (raftvip, keepalived with a given advert interval): how to configure
 * it for the lab's nodes, start it on a node, and tell whether a started node has joined.
 */
public interface Implementation {

    /** @return a short stable key for reports, e.g. {@code keepalived-0.1s} */
    String key();

    /** @return a human description of the setting, e.g. {@code keepalived 2.2.7, VRRPv3, advert 0.1 s} */
    String description();

    /**
     * Writes per-node configuration for {@code nodes}; wipes state left by earlier runs.
     *
     * @param health the health check every node runs, or null for none
     */
    void prepare(List<LabNode> nodes, HealthSection health) throws IOException;

    /** Writes per-node configuration without health checks; see {@link #prepare(List, HealthSection)}. */
    default void prepare(List<LabNode> nodes) throws IOException {
        prepare(nodes, null);
    }

    /** Forgets persistent state (e.g. a Raft log) so that the next start is a first boot. */
    void resetState() throws IOException;

    /** Starts the daemon on {@code node} inside its namespace. */
    DaemonProcess start(LabNode node) throws IOException;

    /**
     * Whether the daemon on {@code node} has joined the group and agrees that {@code ownerId}
     * owns the VIP (implementations that cannot tell just report that the daemon is up).
     */
    boolean ready(LabNode node, String ownerId);

    /**
     * Where the daemon on {@code node} serves Prometheus text metrics ({@code HOST:PORT}, path
     * {@code /metrics}, reachable inside the node's namespace), or null when it has none.
     */
    default String metrics(LabNode node) {
        return null;
    }
}
