package io.raftvip.bench.scenario;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import io.raftvip.bench.daemon.DaemonProcess;
import io.raftvip.bench.daemon.Implementation;
import io.raftvip.bench.lab.Lab;
import io.raftvip.bench.lab.LabException;
import io.raftvip.bench.lab.LabNode;
import io.raftvip.bench.probe.Probe;
import io.raftvip.bench.probe.ProbeLog;
import io.raftvip.bench.probe.WallClock;
import io.raftvip.bench.watch.HoldingLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One implementation's daemons running in the lab, plus the shared observers (probe log and
 * holding log): start, stop and restart daemons, and wait for the VIP to answer steadily.
 */
public final class Session implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);
    /** Probes younger than this may still be answered; conditions ignore them. */
    public static final long IN_FLIGHT_MICROS = ProbeLog.ANSWER_TIMEOUT_MICROS;

    private final Lab lab;
    private final Implementation impl;
    private final ProbeLog probes;
    private final HoldingLog holding;
    private final WallClock clock;
    private final String vip;
    private final Map<LabNode, DaemonProcess> daemons = new HashMap<>();

    /**
     * @param lab     the lab
     * @param impl    the implementation under test
     * @param probes  the client's probe log
     * @param holding the watchers' holding log
     * @param clock   shared time base
     * @param vip     the VIP
     */
    public Session(Lab lab, Implementation impl, ProbeLog probes, HoldingLog holding, WallClock clock, String vip) {
        this.lab = lab;
        this.impl = impl;
        this.probes = probes;
        this.holding = holding;
        this.clock = clock;
        this.vip = vip;
    }

    /** @return the lab the daemons run in */
    public Lab lab() {
        return lab;
    }

    /** @return the implementation under test */
    public Implementation impl() {
        return impl;
    }

    /** @return the client's probe log */
    public ProbeLog probes() {
        return probes;
    }

    /** @return the watchers' holding log */
    public HoldingLog holding() {
        return holding;
    }

    /** @return the shared time base */
    public WallClock clock() {
        return clock;
    }

    /** @return the VIP */
    public String vip() {
        return vip;
    }

    /** Starts the daemon on every node as close together as possible. */
    public void startAll() throws IOException {
        for (LabNode node : lab.nodes()) {
            start(node);
        }
    }

    /** Starts the daemon on {@code node}, replacing the record of an earlier one there. */
    public void start(LabNode node) throws IOException {
        daemons.put(node, impl.start(node));
    }

    /** @return the daemon on {@code node} (null if none started) */
    public DaemonProcess daemon(LabNode node) {
        return daemons.get(node);
    }

    /** @return the running daemons, for footprint sampling */
    public List<DaemonProcess> daemons() {
        return new ArrayList<>(daemons.values());
    }

    /** SIGTERMs every daemon, waits for exit, and removes any VIP left behind. */
    public void stopAll() {
        daemons.values().forEach(DaemonProcess::terminate);
        daemons.values().forEach(d -> d.awaitExit(15_000));
        daemons.clear();
        lab.nodes().forEach(n -> lab.removeAddress(n, vip));
    }

    /**
     * Waits until one node answers every probe for {@code steadyMillis}.
     *
     * @param exceptNode a node that must not be the answerer (-1: any)
     * @return the answering node
     * @throws LabException after {@code timeoutMillis}
     */
    public LabNode awaitSteadyOwner(int exceptNode, long steadyMillis, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            long end = clock.micros() - IN_FLIGHT_MICROS;
            int who = probes.steadyAnswerer(end - steadyMillis * 1_000, end);
            if (who != Probe.LOST && who != exceptNode) {
                return lab.nodes().get(who);
            }
            pause(20);
        }
        throw new LabException(impl.key() + ": no node answered on " + vip + " steadily for "
                + steadyMillis + " ms within " + timeoutMillis + " ms; holders per watchers: " + holding.holders());
    }

    /**
     * Waits until the watchers see exactly one holder and that node answers every probe for
     * {@code steadyMillis}: the state every failover run must start from.
     *
     * @throws LabException after {@code timeoutMillis}
     */
    public LabNode awaitStableOwner(long steadyMillis, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            List<Integer> holders = holding.holders();
            long end = clock.micros() - IN_FLIGHT_MICROS;
            int who = probes.steadyAnswerer(end - steadyMillis * 1_000, end);
            if (holders.size() == 1 && who == holders.get(0)) {
                return lab.nodes().get(who);
            }
            pause(20);
        }
        throw new LabException(impl.key() + ": no stable owner within " + timeoutMillis + " ms; holders per "
                + "watchers: " + holding.holders() + ", see the daemon logs under " + daemons.values().stream()
                .map(d -> d.logFile().getParent().getParent().toString()).findFirst().orElse("?"));
    }

    /**
     * Waits until there is a stable owner (see {@link #awaitStableOwner}) and every node in
     * {@code nodes} reports ready with that owner. The owner is re-read on every attempt: while a
     * restarted node joins, leadership may still move.
     *
     * @return the owner they agree on
     * @throws LabException after {@code timeoutMillis}
     */
    public LabNode awaitSettled(List<LabNode> nodes, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        String lastNotReady = "";
        while (System.currentTimeMillis() < deadline) {
            LabNode owner = awaitStableOwner(500, Math.max(1, deadline - System.currentTimeMillis()));
            List<LabNode> notReady = nodes.stream().filter(n -> !impl.ready(n, owner.id())).toList();
            if (notReady.isEmpty()) {
                return owner;
            }
            lastNotReady = notReady.stream().map(LabNode::id).toList() + " not ready with owner " + owner.id();
            pause(100);
        }
        throw new LabException(impl.key() + ": not settled within " + timeoutMillis + " ms: " + lastNotReady
                + "; daemon logs: " + daemons.values().stream().map(d -> d.logFile().toString()).toList());
    }

    /** Sleeps while polling a condition; an interrupt ends the scenario. */
    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException("interrupted", e);
        }
    }

    /** Stops the daemons. */
    @Override
    public void close() {
        try {
            stopAll();
        } catch (RuntimeException e) {
            LOG.warn("{}: stopping daemons: {}", impl.key(), e.toString());
            daemons.values().forEach(DaemonProcess::kill);
        }
    }
}
