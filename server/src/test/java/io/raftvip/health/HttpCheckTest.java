package io.raftvip.health;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.raftvip.config.HttpCheckConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Plain http against a loopback server; https is in {@link HttpsCheckTest}. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpCheckTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);
  static final String READYZ_503 =
      "[+]ping ok\n[+]log ok\n[-]etcd failed: reason withheld\nreadyz check failed\n";

  private final ExecutorService handlers = Executors.newCachedThreadPool();
  private HttpServer server;

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(handlers);
    server.createContext("/ok", exchange -> answer(exchange, 200, "ok"));
    server.createContext("/no-content", exchange -> answer(exchange, 204, ""));
    server.createContext("/readyz", exchange -> answer(exchange, 503, READYZ_503));
    server.createContext("/empty-503", exchange -> answer(exchange, 503, ""));
    server.createContext("/teapot", exchange -> answer(exchange, 418, "\n\n  short and stout \n"));
    server.createContext("/moved", exchange -> {
      exchange.getResponseHeaders().add("Location", "/ok");
      answer(exchange, 301, "");
    });
    server.createContext("/endless-503", exchange -> endless(exchange, 503));
    server.createContext("/endless-200", exchange -> endless(exchange, 200));
    server.start();
  }

  @AfterEach
  void stopServer() {
    server.stop(0);
    handlers.shutdownNow();
  }

  static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  /** A body that never ends: a check must read a little of it and go. */
  private static void endless(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, 0);
    byte[] line = "all work and no play\n".getBytes(UTF_8);
    try (OutputStream out = exchange.getResponseBody()) {
      while (true) {
        out.write(line); // ends with an IOException once the check hangs up
      }
    }
  }

  private CheckResult get(String path) throws Exception {
    URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    return HttpCheck.create(new HttpCheckConfig("apiserver", url, null, false, null), TIMEOUT)
        .run(TIMEOUT);
  }

  @Test
  void status200_isHealthy() throws Exception {
    CheckResult result = get("/ok");
    assertTrue(result.healthy(), result::toString);
    assertEquals("HTTP 200", result.reason());
  }

  @Test
  void anyOther2xx_isHealthy() throws Exception {
    assertEquals("HTTP 204", get("/no-content").reason());
    assertTrue(get("/no-content").healthy());
  }

  @Test
  void status503_isUnhealthy_withTheFailedReadinessLine() throws Exception {
    CheckResult result = get("/readyz");
    assertFalse(result.healthy());
    assertEquals("HTTP 503: [-]etcd failed: reason withheld", result.reason());
  }

  @Test
  void status503WithoutBody_isJustTheStatus() throws Exception {
    assertEquals("HTTP 503", get("/empty-503").reason());
  }

  @Test
  void otherBodies_showTheirFirstLine() throws Exception {
    assertEquals("HTTP 418: short and stout", get("/teapot").reason());
  }

  @Test
  void redirect_isUnhealthy_andNotFollowed() throws Exception {
    CheckResult result = get("/moved");
    assertFalse(result.healthy());
    assertEquals("HTTP 301, a redirect to /ok (redirects are not followed)", result.reason());
  }

  @Test
  void notFound_isUnhealthy() throws Exception {
    CheckResult result = get("/nowhere");
    assertFalse(result.healthy());
    assertTrue(result.reason().startsWith("HTTP 404"), result.reason());
  }

  @Test
  void endlessBody_isCutShort() throws Exception {
    CheckResult failing = get("/endless-503");
    assertEquals("HTTP 503: all work and no play", failing.reason());
    assertTrue(failing.took().compareTo(Duration.ofSeconds(2)) < 0, failing::toString);
    CheckResult passing = get("/endless-200");
    assertTrue(passing.healthy(), passing::toString);
    assertTrue(passing.took().compareTo(Duration.ofSeconds(2)) < 0, passing::toString);
  }

  @Test
  void serverThatNeverAnswers_timesOut() throws Exception {
    // The kernel completes the handshake into the backlog; nobody ever reads the request.
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      URI url = URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/readyz");
      Duration timeout = Duration.ofMillis(400);
      CheckResult result = HttpCheck.create(new HttpCheckConfig("apiserver", url, null, false,
          null), timeout).run(timeout);
      assertFalse(result.healthy());
      assertEquals("timed out after 400 ms", result.reason());
      assertTrue(result.took().compareTo(Duration.ofMillis(400 + 600)) < 0, result::toString);
    }
  }

  @Test
  void closedPort_isRefused() throws Exception {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    URI url = URI.create("http://127.0.0.1:" + port + "/readyz");
    CheckResult result = HttpCheck.create(new HttpCheckConfig("apiserver", url, null, false, null),
        TIMEOUT).run(TIMEOUT);
    assertFalse(result.healthy());
    assertEquals("connection refused", result.reason());
  }
}
