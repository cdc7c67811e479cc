package io.raftvip.bench;

import java.util.ArrayList;
import java.util.List;
import io.raftvip.bench.daemon.DaemonProcess;
import io.raftvip.bench.daemon.FootprintSampler;
import io.raftvip.bench.daemon.FootprintSampler.Footprint;
import io.raftvip.bench.lab.CommandRunner;
import io.raftvip.bench.scenario.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Each daemon's CPU use and RSS over an idle window, once the group has a stable owner. */
final class IdleFootprint {

    private static final Logger LOG = LoggerFactory.getLogger(IdleFootprint.class);

    private final int seconds;

    /** @param seconds length of the idle window */
    IdleFootprint(int seconds) {
        this.seconds = seconds;
    }

    /** @return one footprint per daemon, by node id */
    List<Footprint> measure(Session session) {
        session.awaitStableOwner(500, 90_000);
        FootprintSampler sampler = new FootprintSampler(clockTicks());
        List<DaemonProcess> daemons = session.daemons();
        double[] before = new double[daemons.size()];
        for (int i = 0; i < daemons.size(); i++) {
            before[i] = sampler.cpuSeconds(daemons.get(i).daemons());
        }
        long start = System.nanoTime();
        LOG.info("idle footprint: watching {} daemons for {} s", daemons.size(), seconds);
        sleepMillis(seconds * 1000L);
        double elapsed = (System.nanoTime() - start) / 1e9;
        List<Footprint> out = new ArrayList<>();
        for (int i = 0; i < daemons.size(); i++) {
            List<ProcessHandle> procs = daemons.get(i).daemons();
            double cpu = (sampler.cpuSeconds(procs) - before[i]) / elapsed * 100;
            out.add(new Footprint(daemons.get(i).node().id(), sampler.rssKib(procs) / 1024.0, cpu));
        }
        out.sort((a, b) -> a.node().compareTo(b.node()));
        return out;
    }

    /** The idle window is itself the measurement: nothing to poll, just time passing. */
    private static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long clockTicks() {
        String out = new CommandRunner().tryRun("getconf", "CLK_TCK").output().strip();
        try {
            return Long.parseLong(out);
        } catch (NumberFormatException e) {
            return 100;
        }
    }
}
