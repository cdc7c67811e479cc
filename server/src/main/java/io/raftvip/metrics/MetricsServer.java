package io.raftvip.metrics;

import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link RaftvipMetrics} over HTTP ({@code GET /metrics}, and {@code /-/healthy}) on the
 * address from {@code metrics.listen}. Close it to stop listening.
 */
public final class MetricsServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MetricsServer.class);

  private final HTTPServer server;
  private final String host;

  private MetricsServer(HTTPServer server, String host) {
    this.server = server;
    this.host = host;
  }

  /**
   * Starts listening.
   *
   * @param host address to bind, e.g. {@code 127.0.0.1} (keep it local unless scraped remotely)
   * @param port TCP port; 0 picks a free one (see {@link #port()})
   * @throws IOException naming {@code metrics.listen} and the address when it cannot be bound
   */
  public static MetricsServer start(String host, int port, RaftvipMetrics metrics)
      throws IOException {
    HTTPServer server;
    try {
      server = HTTPServer.builder()
          .hostname(host)
          .port(port)
          .registry(metrics.registry())
          .buildAndStart();
    } catch (IOException | RuntimeException e) {
      throw new IOException("metrics.listen " + host + ":" + port + ": cannot listen: "
          + e.getMessage() + " (" + e.getClass().getSimpleName() + ")"
          + "; choose a free address or port", e);
    }
    log.info("metrics: serving http://{}:{}/metrics", host, server.getPort());
    return new MetricsServer(server, host);
  }

  /** The bound port (the real one when 0 was asked for). */
  public int port() {
    return server.getPort();
  }

  /** Stops listening. */
  @Override
  public void close() {
    server.close();
    log.info("metrics: stopped listening on {}:{}", host, server.getPort());
  }
}
