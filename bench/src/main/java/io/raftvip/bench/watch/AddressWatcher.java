package io.raftvip.bench.watch;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import io.raftvip.bench.lab.CommandRunner;
import io.raftvip.bench.lab.LabNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one node namespace with {@code ip -ts -o monitor address} and records into a
 * {@link HoldingLog} when the node bound and released the VIP. The kernel event carries no
 * time; {@code ip} stamps each message with gettimeofday as it reads it, well under a
 * millisecond after the change.
 *
 * <p>Readiness is proven, not assumed: after starting the monitor it adds a marker address on
 * {@code lo} and waits until the monitor reports it, so no VIP event can be missed afterwards.
 */
public final class AddressWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AddressWatcher.class);
    private static final String MARKER = "10.213.9.9";

    private final LabNode node;
    private final String vip;
    private final HoldingLog holding;
    private final CommandRunner cmd;
    private final CountDownLatch ready = new CountDownLatch(1);
    private Process monitor;

    /**
     * @param node    the node to watch
     * @param vip     the VIP address (IPv4, bound as /32)
     * @param holding where bind/release events go
     * @param cmd     runs the marker and dump commands
     */
    public AddressWatcher(LabNode node, String vip, HoldingLog holding, CommandRunner cmd) {
        this.node = node;
        this.vip = vip;
        this.holding = holding;
        this.cmd = cmd;
    }

    /** Starts the monitor, waits until it demonstrably receives events, then records the current state. */
    public void start() throws IOException {
        monitor = new ProcessBuilder("ip", "-n", node.netns(), "-ts", "-o", "monitor", "address")
                .redirectErrorStream(true).start();
        Thread reader = new Thread(this::read, "watch-" + node.netns());
        reader.setDaemon(true);
        reader.start();
        // the monitor subscribes some time after it starts: re-add the marker until an event shows up
        long deadline = System.nanoTime() + 10_000_000_000L;
        try {
            do {
                cmd.tryRun("ip", "-n", node.netns(), "addr", "del", MARKER + "/32", "dev", "lo");
                cmd.run("ip", "-n", node.netns(), "addr", "add", MARKER + "/32", "dev", "lo");
            } while (!ready.await(100, TimeUnit.MILLISECONDS) && System.nanoTime() < deadline);
            if (ready.getCount() > 0) {
                throw new IOException(node.netns() + ": address monitor saw no marker event within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(node.netns() + ": interrupted waiting for the address monitor", e);
        } finally {
            cmd.tryRun("ip", "-n", node.netns(), "addr", "del", MARKER + "/32", "dev", "lo");
        }
        if (cmd.run("ip", "-n", node.netns(), "-o", "addr", "show", "dev", "eth0").contains(" " + vip + "/")) {
            holding.bound(node.index(), System.currentTimeMillis() * 1_000);
        }
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(monitor.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                handle(line);
            }
        } catch (IOException e) {
            LOG.debug("{}: address monitor closed: {}", node.netns(), e.toString());
        }
    }

    private void handle(String line) {
        if (!line.startsWith("[")) {
            return;
        }
        int close = line.indexOf(']');
        long micros = parseMicros(line.substring(1, close));
        String rest = line.substring(close + 1);
        boolean deleted = rest.strip().startsWith("Deleted");
        if (rest.contains("inet " + MARKER + "/")) {
            ready.countDown();
        } else if (rest.contains("inet " + vip + "/")) {
            if (deleted) {
                holding.released(node.index(), micros);
            } else {
                holding.bound(node.index(), micros);
            }
            LOG.debug("{}: VIP {} at {}", node.id(), deleted ? "released" : "bound", micros);
        }
    }

    /** Parses {@code 2026-11-24T11:18:04.070502} (local time, as ip prints it) to epoch µs. */
    static long parseMicros(String stamp) {
        LocalDateTime t = LocalDateTime.parse(stamp);
        var instant = t.atZone(ZoneId.systemDefault()).toInstant();
        return instant.getEpochSecond() * 1_000_000L + instant.getNano() / 1_000;
    }

    /** Stops the monitor process. */
    @Override
    public void close() {
        if (monitor != null) {
            monitor.destroyForcibly();
        }
    }
}
