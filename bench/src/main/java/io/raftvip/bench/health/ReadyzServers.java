package io.raftvip.bench.health;

import java.util.ArrayList;
import java.util.List;
import io.raftvip.bench.daemon.HealthSection;
import io.raftvip.bench.lab.LabNode;
import io.raftvip.bench.netns.NamespaceThreads;

/**
 * Every node's API server stand-in ({@link ReadyzServer}), which the health scenarios switch
 * between ready and failing; all start ready. They run as long as the lab, whether or not the
 * daemons are configured to check them.
 */
public final class ReadyzServers implements AutoCloseable {

    private final List<ReadyzServer> servers = new ArrayList<>();

    /**
     * Starts one stand-in per node on {@link HealthSection#PORT}.
     *
     * @param nodes   the lab's nodes, by index
     * @param threads enters their namespaces
     */
    public ReadyzServers(List<LabNode> nodes, NamespaceThreads threads) {
        try {
            for (LabNode n : nodes) {
                ReadyzServer s = new ReadyzServer(n, HealthSection.PORT);
                servers.add(s);
                s.start(threads);
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** Makes every node's check pass again. */
    public void passAll() {
        servers.forEach(s -> s.ready(true));
    }

    /** Makes {@code node}'s check pass from its next request on. */
    public void pass(LabNode node) {
        servers.get(node.index()).ready(true);
    }

    /** Makes {@code node}'s check fail (503) from its next request on. */
    public void fail(LabNode node) {
        servers.get(node.index()).ready(false);
    }

    @Override
    public void close() {
        servers.forEach(ReadyzServer::close);
    }
}
