package io.raftvip.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import io.raftvip.bench.daemon.HealthSection;
import io.raftvip.bench.daemon.RaftvipImplementation;
import io.raftvip.bench.lab.LabNode;
import io.raftvip.bench.lab.ScratchFiles;
import io.raftvip.bench.probe.Probe;
import io.raftvip.bench.probe.ProbeLog;
import io.raftvip.bench.scenario.OutageAnalyzer;
import io.raftvip.bench.scenario.Session;

/**
 * The README demo: three raftvip nodes in namespaces, each checking a stand-in for its API server,
 * and a client probing the VIP. First the owner is killed (SIGKILL and its switch port cut): the
 * new owner and the outage the client saw. The killed node comes back, then the owner's API server
 * fails: the health-driven move ({@link HealthMoveDemo}). Prints a short narrative for a human;
 * everything is torn down at the end.
 */
final class Demo {

    private final BenchOptions options;

    Demo(BenchOptions options) {
        this.options = options;
    }

    void run() throws IOException, InterruptedException {
        String missing = RaftvipImplementation.missingBuild(options.repoRoot());
        if (missing != null) {
            throw new IllegalStateException("raftvip is not built: " + missing);
        }
        Path work = Files.createTempDirectory("rvd-");
        boolean shown = false;
        try (Rig rig = new Rig("rvd", options.suffix(), 3)) {
            // No class-data archive: these daemons start once (the killed one twice), so recording
            // one would only slow their start.
            RaftvipImplementation raftvip = new RaftvipImplementation(options.repoRoot(), work, Rig.VIP,
                    options.timing(), false);
            List<LabNode> nodes = rig.lab().nodes();
            say("lab: nodes %s (10.213.0.11-13), client %s, VIP %s",
                    rig.lab().namespace("n{1,2,3}"), rig.lab().namespace("client"), Rig.VIP);
            raftvip.prepare(nodes, new HealthSection(HealthMoveDemo.TIMING));
            try (Session s = new Session(rig.lab(), raftvip, rig.prober().log(), rig.holding(), rig.clock(),
                    Rig.VIP)) {
                LabNode owner = crash(rig, raftvip, s);
                bringBack(s, owner);
                new HealthMoveDemo(s, raftvip, rig.readyz(), rig.threads()).run();
            }
            say("tearing down the lab");
            shown = true;
        } finally {
            if (shown) {
                ScratchFiles.deleteTree(work);
            } else {
                say("daemon logs kept in %s", work);
            }
        }
    }

    /** Starts the daemons, shows the status, kills the owner: the new owner and the outage. @return the killed owner */
    private static LabNode crash(Rig rig, RaftvipImplementation raftvip, Session s)
            throws IOException, InterruptedException {
        List<LabNode> nodes = rig.lab().nodes();
        long t0 = rig.clock().micros();
        s.startAll();
        say("started 3 raftvip daemons; the client probes %s:%d every 2 ms", Rig.VIP, Rig.PORT);
        LabNode first = s.awaitSteadyOwner(Probe.LOST, 300, 60_000);
        long firstAnswer = OutageAnalyzer.firstAnswer(rig.prober().log().between(t0, Long.MAX_VALUE), t0);
        say("VIP first answered %d ms after start; %s answers steadily (300 ms without a miss) by %d ms",
                (firstAnswer - t0) / 1000, first.id(), (rig.clock().micros() - t0) / 1000);
        LabNode owner = s.awaitSettled(nodes, 60_000);
        LabNode other = nodes.get((owner.index() + 1) % nodes.size());
        say("$ raftvipctl --endpoint %s status", raftvip.endpoint(other));
        ctl(raftvip, other, "status");
        long kill = rig.clock().micros();
        rig.lab().cut(owner);
        s.daemon(owner).kill();
        say("killed owner %s: SIGKILL + its switch port cut", owner.id());
        LabNode next = s.awaitSteadyOwner(owner.index(), 300, 30_000);
        OptionalLong bound = rig.holding().firstBindAfter(kill, owner.index());
        long end = rig.clock().micros() - ProbeLog.ANSWER_TIMEOUT_MICROS;
        say("new owner: %s (bound the VIP %s ms after the kill)", next.id(),
                bound.isPresent() ? Long.toString((bound.getAsLong() - kill) / 1000) : "?");
        say("outage seen by the client: %.0f ms (longest run of unanswered probes)",
                OutageAnalyzer.longestGapMs(rig.prober().log().between(kill - 300_000, end), kill, end));
        say("$ raftvipctl --endpoint %s owner", raftvip.endpoint(next));
        ctl(raftvip, next, "owner");
        return owner;
    }

    /**
     * Brings the killed node back as a rebooted machine would come: without the address the kernel
     * kept after SIGKILL, plugged in again, the daemon started; it rejoins as a follower.
     */
    private static void bringBack(Session s, LabNode node) throws IOException {
        long t0 = s.clock().micros();
        s.daemon(node).awaitExit(15_000);
        s.lab().removeAddress(node, s.vip());
        s.lab().reattach(node);
        s.start(node);
        LabNode owner = s.awaitSettled(List.of(node), 60_000);
        say("%s back (stale VIP removed, port reconnected, daemon restarted): a follower of %s after %d ms",
                node.id(), owner.id(), (s.clock().micros() - t0) / 1000);
    }

    /** Runs the real {@code bin/raftvipctl --endpoint unix://... COMMAND} against {@code node}, its output inline. */
    static void ctl(RaftvipImplementation raftvip, LabNode node, String command)
            throws IOException, InterruptedException {
        Process p = new ProcessBuilder(raftvip.repoRoot().resolve("bin/raftvipctl").toString(),
                "--endpoint", raftvip.endpoint(node), command).inheritIO().start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    /** One line of the demo's narrative, prefixed {@code demo:}. */
    static void say(String format, Object... args) {
        System.out.println("demo: " + String.format(format, args));
    }
}
