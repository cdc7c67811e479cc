package io.raftvip.bench.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.locks.LockSupport;
import io.raftvip.bench.netns.NamespaceThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client: from inside the client namespace, sends a numbered UDP probe to VIP:port every
 * interval and records in a {@link ProbeLog} when each was sent and which node answered it.
 */
public final class Prober implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Prober.class);

    private final String netns;
    private final InetSocketAddress target;
    private final long intervalNanos;
    private final WallClock clock;
    private final ProbeLog log = new ProbeLog();
    private volatile DatagramChannel channel;
    private volatile boolean running = true;

    /**
     * @param netns          the client's namespace
     * @param target         VIP and port
     * @param intervalMicros time between probes
     * @param clock          time base shared with the watchers
     */
    public Prober(String netns, InetSocketAddress target, long intervalMicros, WallClock clock) {
        this.netns = netns;
        this.target = target;
        this.intervalNanos = intervalMicros * 1_000;
        this.clock = clock;
    }

    /** Opens the socket in the client namespace and starts sending and receiving. */
    public void start(NamespaceThreads threads) throws IOException {
        threads.start(netns, "probe-send-" + netns, this::send);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (channel == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        if (channel == null) {
            throw new IOException(netns + ": prober socket not open within 5 s");
        }
        Thread receiver = new Thread(this::receive, "probe-recv-" + netns);
        receiver.setDaemon(true);
        receiver.start();
    }

    /** @return the probes recorded so far (live) */
    public ProbeLog log() {
        return log;
    }

    private void send() {
        try {
            DatagramChannel ch = DatagramChannel.open();
            ch.bind(new InetSocketAddress(0));
            // while the VIP's ARP is unresolved the kernel parks probes on the neighbour entry,
            // charging this socket's send buffer: a blocking send would stall the clock of probes
            ch.configureBlocking(false);
            channel = ch;
            ByteBuffer buf = ByteBuffer.allocate(Integer.BYTES);
            long next = System.nanoTime();
            while (running) {
                int seq = log.recordSend(clock.micros());
                buf.clear().putInt(seq).flip();
                try {
                    ch.send(buf, target);
                } catch (IOException e) {
                    if (!running || e instanceof ClosedChannelException) {
                        return;
                    }
                    // EHOSTUNREACH or a full send buffer while ARP for the VIP fails: that probe is lost
                }
                next += intervalNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else {
                    next = System.nanoTime();
                }
            }
        } catch (IOException e) {
            LOG.warn("{}: prober to {} stopped: {}", netns, target, e.toString());
        }
    }

    private void receive() {
        ByteBuffer buf = ByteBuffer.allocate(64);
        try (Selector selector = Selector.open()) {
            channel.register(selector, SelectionKey.OP_READ);
            while (running) {
                selector.select(100);
                selector.selectedKeys().clear();
                while (true) {
                    buf.clear();
                    if (channel.receive(buf) == null) {
                        break;
                    }
                    buf.flip();
                    if (buf.remaining() >= Integer.BYTES + 1) {
                        log.recordAnswer(buf.getInt(), buf.get(), clock.micros());
                    }
                }
            }
        } catch (ClosedChannelException | ClosedSelectorException e) {
            // closed by close()
        } catch (IOException e) {
            if (running) {
                LOG.warn("{}: prober receive stopped: {}", netns, e.toString());
            }
        }
    }

    /** Stops probing. */
    @Override
    public void close() throws IOException {
        running = false;
        DatagramChannel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }
}
