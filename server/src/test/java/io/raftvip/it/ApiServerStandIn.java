package io.raftvip.it;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.raftvip.testing.Netns;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A stand-in for a node's Kubernetes API server: HTTPS on 127.0.0.1 inside the node's namespace
 * (each namespace has its own loopback), with a certificate from the test CA, whose {@code /readyz}
 * answers with the status the test sets.
 */
final class ApiServerStandIn implements AutoCloseable {

  static final int PORT = 6443;

  private final HttpsServer server;
  private final ExecutorService executor;
  private final AtomicInteger status = new AtomicInteger(200);
  /** When set, every request gets the other answer than the one before (a flapping API server). */
  private volatile boolean flapping;
  private final AtomicInteger requests = new AtomicInteger();

  private ApiServerStandIn(HttpsServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts one in {@code ns}, serving with the PEM {@code cert} and PKCS#8 {@code key}. */
  static ApiServerStandIn start(Netns ns, Path cert, Path key) throws Exception {
    final SSLContext ssl = sslContext(cert, key);
    // The listening socket is made inside the namespace; the server's threads then serve it from anywhere.
    final HttpsServer server = ns.runIn(() -> HttpsServer.create(new InetSocketAddress("127.0.0.1", PORT), 50));
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
      final Thread t = new Thread(r, "apiserver-standin-" + ns.name());
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(executor);
    final ApiServerStandIn standIn = new ApiServerStandIn(server, executor);
    server.createContext("/readyz", exchange -> {
      final int code = standIn.flapping ? (standIn.requests.getAndIncrement() % 2 == 0 ? 200 : 503)
          : standIn.status.get();
      final byte[] body = (code == 200 ? "ok" : "not ready").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(code, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    return standIn;
  }

  /** From now on {@code /readyz} answers with {@code code} (200 ready, 503 not). */
  void answer(int code) {
    flapping = false;
    status.set(code);
  }

  /** From now on {@code /readyz} alternates 200 and 503 from one request to the next. */
  void flap() {
    flapping = true;
  }

  private static SSLContext sslContext(Path certPem, Path keyPem) throws Exception {
    final Certificate cert;
    try (var in = Files.newInputStream(certPem)) {
      cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
    final String pem = Files.readString(keyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    final PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    final KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("apiserver", key, new char[0], new Certificate[] {cert});
    final KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, new char[0]);
    final SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
