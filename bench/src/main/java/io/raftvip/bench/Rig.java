package io.raftvip.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.ThreadLocalRandom;
import java.util.ArrayList;
import java.util.List;
import io.raftvip.bench.health.ReadyzServers;
import io.raftvip.bench.lab.CommandRunner;
import io.raftvip.bench.lab.Lab;
import io.raftvip.bench.lab.LabNode;
import io.raftvip.bench.netns.NamespaceThreads;
import io.raftvip.bench.probe.Prober;
import io.raftvip.bench.probe.Responder;
import io.raftvip.bench.probe.WallClock;
import io.raftvip.bench.watch.AddressWatcher;
import io.raftvip.bench.watch.HoldingLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab with its observers: three node namespaces each with a UDP responder, an address
 * watcher and an API server stand-in for the health checks, and the client probing the VIP every
 * 2 ms. Torn down on close and, should the JVM be interrupted, by a shutdown hook.
 */
final class Rig implements AutoCloseable {

    static final String VIP = "10.213.0.100";
    static final int PORT = 7999;
    private static final Logger LOG = LoggerFactory.getLogger(Rig.class);

    private final CommandRunner cmd = new CommandRunner();
    private final WallClock clock = new WallClock();
    private final Lab lab;
    private final HoldingLog holding;
    private final List<AutoCloseable> observers = new ArrayList<>();
    private final NamespaceThreads threads = new NamespaceThreads();
    private final Thread hook;
    private Prober prober;
    private ReadyzServers readyz;

    /**
     * @param prefix namespace prefix ({@code rvb} bench, {@code rvd} demo)
     * @param suffix namespace suffix, or null for a random one
     */
    Rig(String prefix, String suffix, int nodes) {
        if (suffix == null) {
            suffix = String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
        }
        this.lab = new Lab(cmd, prefix, suffix, "10.213.0");
        this.holding = new HoldingLog(nodes);
        this.hook = new Thread(lab::close, "lab-teardown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            lab.create(nodes);
            for (LabNode n : lab.nodes()) {
                Responder r = new Responder(n.netns(), n.index(), PORT);
                r.start(threads);
                observers.add(r);
                AddressWatcher w = new AddressWatcher(n, VIP, holding, cmd);
                observers.add(w);
                w.start();
            }
            readyz = new ReadyzServers(lab.nodes(), threads);
            observers.add(readyz);
            prober = new Prober(lab.client().netns(), new InetSocketAddress(VIP, PORT), 2_000, clock);
            observers.add(prober);
            prober.start(threads);
        } catch (IOException | RuntimeException e) {
            close();
            throw new IllegalStateException("building the lab " + lab.namespace("*") + ": " + e.getMessage(), e);
        }
    }

    Lab lab() {
        return lab;
    }

    HoldingLog holding() {
        return holding;
    }

    Prober prober() {
        return prober;
    }

    /** @return every node's API server stand-in, which the health checks ask */
    ReadyzServers readyz() {
        return readyz;
    }

    WallClock clock() {
        return clock;
    }

    /** @return starts threads inside the lab's namespaces (metrics scrapes) */
    NamespaceThreads threads() {
        return threads;
    }

    CommandRunner cmd() {
        return cmd;
    }

    @Override
    public void close() {
        for (AutoCloseable o : observers) {
            try {
                o.close();
            } catch (Exception e) {
                LOG.warn("closing {}: {}", o, e.toString());
            }
        }
        lab.close();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs anyway and close() is idempotent
        }
    }
}
