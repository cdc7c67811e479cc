package io.raftvip.bench.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import io.raftvip.bench.netns.NamespaceThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A UDP echo inside one node namespace that answers each probe with the probe's sequence number
 * and its own node index, so the client learns which node holds the VIP. Bound to the wildcard
 * address: it answers on the VIP exactly while the VIP is bound there.
 */
public final class Responder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Responder.class);

    private final String netns;
    private final int nodeIndex;
    private final int port;
    private volatile DatagramChannel channel;

    /**
     * @param netns     the node's namespace
     * @param nodeIndex the index put into every answer
     * @param port      UDP port to listen on
     */
    public Responder(String netns, int nodeIndex, int port) {
        this.netns = netns;
        this.nodeIndex = nodeIndex;
        this.port = port;
    }

    /** Opens the socket inside the namespace and starts answering. */
    public void start(NamespaceThreads threads) {
        threads.start(netns, "responder-" + netns, this::serve);
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (channel == null && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        if (channel == null) {
            throw new IllegalStateException(netns + ": responder did not bind UDP port " + port + " within 5 s");
        }
    }

    private void serve() {
        try (DatagramChannel ch = DatagramChannel.open()) {
            ch.bind(new InetSocketAddress("0.0.0.0", port));
            channel = ch;
            ByteBuffer buf = ByteBuffer.allocate(64);
            while (true) {
                buf.clear();
                SocketAddress from = ch.receive(buf);
                buf.flip();
                if (buf.remaining() < Integer.BYTES) {
                    continue;
                }
                int seq = buf.getInt();
                ByteBuffer answer = ByteBuffer.allocate(Integer.BYTES + 1).putInt(seq).put((byte) nodeIndex).flip();
                ch.send(answer, from);
            }
        } catch (ClosedChannelException e) {
            // closed by close(): the normal way out
        } catch (IOException e) {
            LOG.warn("{}: responder on UDP {} stopped: {}", netns, port, e.toString());
        }
    }

    /** Stops answering. */
    @Override
    public void close() throws IOException {
        DatagramChannel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }
}
