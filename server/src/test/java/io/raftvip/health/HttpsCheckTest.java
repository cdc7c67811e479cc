package io.raftvip.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.raftvip.config.HttpCheckConfig;
import io.raftvip.testing.TestCertificates;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * https against loopback servers with certificates from a test CA: trusted through {@code ca},
 * refused when another CA signed them or they name another host, accepted by {@code insecure}.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpsCheckTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  @TempDir
  static Path dir;
  private static TestCertificates certs;
  private static TestCertificates otherCa;
  private static final List<HttpsServer> servers = new ArrayList<>();
  /** Its certificate names IP:127.0.0.1 and DNS:localhost. */
  private static int server;
  /** Its certificate names IP:127.0.0.1 only. */
  private static int ipOnlyServer;

  @BeforeAll
  static void startServers() throws Exception {
    if (!TestCertificates.opensslAvailable()) {
      System.err.println("SKIPPED HttpsCheckTest: no openssl binary on PATH to make test"
          + " certificates; the https checks are NOT tested");
      Assumptions.abort("no openssl binary on PATH to make test certificates");
    }
    certs = TestCertificates.create(dir.resolve("pki"), "raftvip health test CA");
    otherCa = TestCertificates.create(dir.resolve("other"), "some other CA");
    server = start(TlsServer.context(certs.serverCert, certs.serverKey));
    TestCertificates.NodeCertificate ipOnly = certs.node("ip-only", "127.0.0.1");
    ipOnlyServer = start(TlsServer.context(ipOnly.cert(), ipOnly.key()));
  }

  private static int start(SSLContext context) throws Exception {
    HttpsServer https =
        HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    https.setHttpsConfigurator(new HttpsConfigurator(context));
    https.createContext("/readyz", exchange -> HttpCheckTest.answer(exchange, 200, "ok"));
    https.createContext("/unready",
        exchange -> HttpCheckTest.answer(exchange, 503, HttpCheckTest.READYZ_503));
    https.start();
    servers.add(https);
    return https.getAddress().getPort();
  }

  @AfterAll
  static void stopServers() {
    servers.forEach(s -> s.stop(0));
  }

  private static CheckResult get(String url, Path ca, boolean insecure, String serverName)
      throws Exception {
    return HttpCheck.create(new HttpCheckConfig("apiserver", URI.create(url), ca, insecure,
        serverName), TIMEOUT).run(TIMEOUT);
  }

  @Test
  void certificateFromTheConfiguredCa_isTrusted() throws Exception {
    CheckResult result = get("https://127.0.0.1:" + server + "/readyz", certs.caCert, false, null);
    assertTrue(result.healthy(), result::toString);
    assertEquals("HTTP 200", result.reason());
  }

  @Test
  void statusStillDecides_overTrustedTls() throws Exception {
    CheckResult result = get("https://127.0.0.1:" + server + "/unready", certs.caCert, false, null);
    assertEquals("HTTP 503: [-]etcd failed: reason withheld", result.reason());
  }

  @Test
  void certificateFromAnotherCa_isRefused() throws Exception {
    CheckResult result = get("https://127.0.0.1:" + server + "/readyz", otherCa.caCert, false, null);
    assertFalse(result.healthy());
    assertTrue(result.reason().startsWith("TLS handshake failed: the server's certificate"
        + " (CN=raftvip-test-server) is not trusted by " + otherCa.caCert + ": "), result.reason());
  }

  @Test
  void certificateNamingAnotherHost_isRefused() throws Exception {
    CheckResult result = get("https://localhost:" + ipOnlyServer + "/readyz", certs.caCert, false,
        null);
    assertFalse(result.healthy());
    assertEquals("TLS handshake failed: the server's certificate names 127.0.0.1, not localhost;"
        + " set server-name to a name it carries", result.reason());
  }

  @Test
  void serverName_isWhatTheCertificateMustName() throws Exception {
    assertTrue(get("https://localhost:" + ipOnlyServer + "/readyz", certs.caCert, false,
        "127.0.0.1").healthy());
    assertTrue(get("https://127.0.0.1:" + server + "/readyz", certs.caCert, false, "localhost")
        .healthy());
    CheckResult wrongName = get("https://127.0.0.1:" + server + "/readyz", certs.caCert, false,
        "kubernetes");
    assertEquals("TLS handshake failed: the server's certificate names 127.0.0.1, localhost, not"
        + " kubernetes; set server-name to a name it carries", wrongName.reason());
  }

  @Test
  void insecure_acceptsAnyCertificate() throws Exception {
    CheckResult result = get("https://127.0.0.1:" + server + "/readyz", null, true, null);
    assertTrue(result.healthy(), result::toString);
    assertTrue(get("https://localhost:" + ipOnlyServer + "/readyz", null, true, null).healthy(),
        "no host name check either");
  }

  @Test
  void aCaFileThatAppearsLater_failsSayingSoUntilThen_thenTheCheckWorks() throws Exception {
    // kubeadm writes /etc/kubernetes/pki/ca.crt only at init or join, after raftvip started.
    Path later = dir.resolve("later.crt");
    HealthCheck check = Checks.create(new HttpCheckConfig("apiserver",
        URI.create("https://127.0.0.1:" + server + "/readyz"), later, false, null), TIMEOUT);
    CheckResult before = check.run(TIMEOUT);
    assertFalse(before.healthy());
    assertTrue(before.reason().startsWith("cannot set up TLS yet: ") && before.reason().contains(later.toString()),
        before.reason());
    Files.copy(certs.caCert, later);
    CheckResult after = check.run(TIMEOUT);
    assertTrue(after.healthy(), after.reason());
  }
}
