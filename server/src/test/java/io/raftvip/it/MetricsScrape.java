package io.raftvip.it;

import io.raftvip.testing.Netns;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;

/**
 * One scrape of a daemon's Prometheus endpoint, made from inside a namespace (the node's
 * address exists only there) with a plain HTTP/1.0 request: a socket opened in
 * {@link Netns#runIn} stays in that namespace, which an {@code HttpClient}'s own threads
 * would not guarantee.
 */
final class MetricsScrape {

  private final String text;

  private MetricsScrape(String text) {
    this.text = text;
  }

  /** GETs {@code http://host:port/metrics} from inside {@code ns}; fails on anything but 200. */
  static MetricsScrape from(Netns ns, String host, int port) {
    final String response = ns.runIn(() -> get(host, port));
    final int body = response.indexOf("\r\n\r\n");
    if (!response.startsWith("HTTP/1.") || !response.split(" ", 3)[1].equals("200") || body < 0) {
      throw new AssertionError("GET http://" + host + ":" + port + "/metrics: unexpected response: "
          + response.substring(0, Math.min(200, response.length())));
    }
    return new MetricsScrape(response.substring(body + 4));
  }

  private static String get(String host, int port) throws IOException {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(host, port), 2000);
      s.setSoTimeout(5000);
      final OutputStream out = s.getOutputStream();
      out.write(("GET /metrics HTTP/1.0\r\nHost: " + host + ":" + port + "\r\nAccept: text/plain\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      final InputStream in = s.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /**
   * @param series the series as exposed, name and labels, e.g.
   *               {@code raftvip_vip_owned{vip="10.213.7.100"}} or {@code raftvip_raft_term}
   * @return its value, empty when the scrape does not contain it
   */
  OptionalDouble value(String series) {
    for (String line : text.split("\n")) {
      if (line.startsWith(series + " ")) {
        return OptionalDouble.of(Double.parseDouble(line.substring(series.length() + 1).trim().split(" ")[0]));
      }
    }
    return OptionalDouble.empty();
  }

  /** @return the whole exposition text, for failure messages */
  String text() {
    return text;
  }
}
