package io.raftvip.bench.health;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import io.raftvip.bench.lab.LabNode;
import io.raftvip.bench.netns.NamespaceThreads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A stand-in for one node's Kubernetes API server: {@code GET /readyz} inside the node's
 * namespace answers 200 {@code ok} while the bench says the node is ready, 503 with the text a
 * failing kube-apiserver gives otherwise. A real API server would make the bench measure the API
 * server's own start-up and flakiness; this one changes its answer exactly when the bench says so,
 * which gives the health scenarios a precise t0.
 */
final class ReadyzServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadyzServer.class);
    private static final byte[] OK = "ok".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FAILING = ("[-]etcd failed: reason withheld (made to fail by the bench)\n"
            + "readyz check failed").getBytes(StandardCharsets.US_ASCII);

    private final LabNode node;
    private final int port;
    private volatile boolean ready = true;
    private volatile HttpServer server;
    private volatile ExecutorService executor;

    /**
     * @param node whose namespace and address to serve on
     * @param port TCP port
     */
    ReadyzServer(LabNode node, int port) {
        this.node = node;
        this.port = port;
    }

    /** Binds inside the node's namespace (a socket belongs to the namespace of the thread that opens it). */
    void start(NamespaceThreads threads) {
        CountDownLatch bound = new CountDownLatch(1);
        AtomicReference<IOException> failure = new AtomicReference<>();
        threads.start(node.netns(), "readyz-" + node.netns(), () -> {
            try {
                HttpServer s = HttpServer.create(new InetSocketAddress(node.address(), port), 16);
                s.createContext("/readyz", this::answer);
                // one thread: a check is one small GET per interval per daemon
                executor = Executors.newSingleThreadExecutor(r -> daemonThread(r, "readyz-http-" + node.id()));
                s.setExecutor(executor);
                s.start();
                server = s;
            } catch (IOException e) {
                failure.set(e);
            } finally {
                bound.countDown();
            }
        });
        try {
            if (!bound.await(10, TimeUnit.SECONDS) || failure.get() != null) {
                throw new IllegalStateException(node.netns() + ": readyz stand-in could not listen on " + node.address()
                        + ":" + port + (failure.get() == null ? " within 10 s" : ": " + failure.get()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(node.netns() + ": interrupted starting the readyz stand-in", e);
        }
    }

    private static Thread daemonThread(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void answer(HttpExchange exchange) throws IOException {
        boolean ok = ready;
        byte[] body = ok ? OK : FAILING;
        exchange.getResponseHeaders().set("Content-Type", "text/plain");
        exchange.sendResponseHeaders(ok ? 200 : 503, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    /** From the next request on, answer 200 ({@code true}) or 503 ({@code false}). */
    void ready(boolean value) {
        ready = value;
    }

    @Override
    public void close() {
        HttpServer s = server;
        if (s != null) {
            s.stop(0);
            executor.shutdownNow();
            LOG.debug("{}: readyz stand-in stopped", node.id());
        }
    }
}
