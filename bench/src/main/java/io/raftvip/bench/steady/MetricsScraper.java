package io.raftvip.bench.steady;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import io.raftvip.bench.netns.NamespaceThreads;

/**
 * Fetches {@code http://HOST:PORT/metrics} from inside a node's namespace, where the daemon's
 * metrics endpoint listens on the node's own address (the bench JVM lives in the host namespace
 * and cannot reach it; the client namespace could not reach a partitioned node). The socket is
 * made on a thread that entered the namespace, as the responders are. Plain HTTP/1.0, so the
 * server closes the connection after the body: nothing to parse but the status line.
 */
public final class MetricsScraper {

    private static final int TIMEOUT_MILLIS = 3_000;

    private final NamespaceThreads threads;

    /** @param threads starts threads inside namespaces */
    public MetricsScraper(NamespaceThreads threads) {
        this.threads = threads;
    }

    /**
     * @param netns    the node's namespace
     * @param hostPort the endpoint, {@code HOST:PORT}
     * @return the metrics text
     * @throws IOException when the endpoint does not answer 200 within a few seconds
     */
    public String fetch(String netns, String hostPort) throws IOException {
        int colon = hostPort.lastIndexOf(':');
        InetSocketAddress target = new InetSocketAddress(hostPort.substring(0, colon),
                Integer.parseInt(hostPort.substring(colon + 1)));
        CompletableFuture<String> result = new CompletableFuture<>();
        threads.start(netns, "metrics-" + netns, () -> {
            try {
                result.complete(get(target));
            } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return body(result.get(2L * TIMEOUT_MILLIS, TimeUnit.MILLISECONDS), hostPort);
        } catch (ExecutionException e) {
            throw new IOException("GET http://" + hostPort + "/metrics in " + netns + ": " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new IOException("GET http://" + hostPort + "/metrics in " + netns + ": no answer", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("GET http://" + hostPort + "/metrics: interrupted", e);
        }
    }

    private static String get(InetSocketAddress target) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(target, TIMEOUT_MILLIS);
            s.setSoTimeout(TIMEOUT_MILLIS);
            OutputStream out = s.getOutputStream();
            out.write(("GET /metrics HTTP/1.0\r\nHost: " + target.getHostString() + "\r\nAccept: text/plain\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            // byte for byte, so that chunk sizes (in bytes) still line up; the body is decoded later
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * @param response a complete HTTP response, decoded as ISO-8859-1 (one char per byte)
     * @return its body as UTF-8 text
     * @throws IOException unless the status is 200
     */
    static String body(String response, String hostPort) throws IOException {
        int end = response.indexOf("\r\n\r\n");
        String status = response.isEmpty() ? "" : response.substring(0, Math.max(0, response.indexOf("\r\n")));
        if (end < 0 || !status.matches("HTTP/1\\.[01] 200( .*)?")) {
            throw new IOException("GET http://" + hostPort + "/metrics: unexpected answer '" + status + "'");
        }
        String headers = response.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        String body = response.substring(end + 4);
        body = headers.contains("transfer-encoding: chunked") ? dechunk(body) : body;
        return new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    private static String dechunk(String chunked) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (pos < chunked.length()) {
            int eol = chunked.indexOf("\r\n", pos);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(chunked.substring(pos, eol).split(";")[0].strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(chunked, eol + 2, Math.min(chunked.length(), eol + 2 + size));
            pos = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
