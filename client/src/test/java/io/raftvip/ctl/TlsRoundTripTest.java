package io.raftvip.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Server;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Mutual TLS over TCP on 127.0.0.1 with the test PEM files in src/test/resources/tls. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsRoundTripTest {
  private Server server;
  private String endpoint;

  static String pem(String name) {
    try {
      return Path.of(TlsRoundTripTest.class.getResource("/tls/" + name).toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void start() throws Exception {
    TlsServerCredentials.Builder credentials = TlsServerCredentials.newBuilder()
        .keyManager(new File(pem("server.pem")), new File(pem("server.key")))
        .trustManager(new File(pem("ca.pem")))
        .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE);
    server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), credentials.build())
        .addService(new FakeAdmin())
        .build()
        .start();
    endpoint = "127.0.0.1:" + server.getPort();
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
  }

  @Test
  void mutualTls_roundTrip() {
    CtlHarness.Result result = CtlHarness.runReal("--endpoint", endpoint,
        "--tls-cert", pem("client.pem"), "--tls-key", pem("client.key"), "--tls-ca", pem("ca.pem"), "owner");
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("allyrion\n", result.out());
  }

  @Test
  void withoutClientCertificate_serverRefuses_exits4() {
    CtlHarness.Result result = CtlHarness.runReal("--endpoint", endpoint, "--tls-ca", pem("ca.pem"), "owner");
    assertEquals(4, result.exitCode(), result.err());
    assertEquals("raftvipctl: TLS handshake with " + endpoint + " failed: TLSV1_ALERT_CERTIFICATE_REQUIRED"
        + " (check --tls-cert, --tls-key and --tls-ca)\n", result.err());
  }

  @Test
  void plaintextToTlsServer_exits4() {
    CtlHarness.Result result = CtlHarness.runReal("--endpoint", endpoint, "owner");
    assertEquals(4, result.exitCode(), result.err());
    assertEquals("raftvipctl: connection to " + endpoint + " closed: Network closed for unknown reason"
        + " (is it a raftvip admin endpoint? does it need --tls-*?)\n", result.err());
  }

  @Test
  void missingKeyFile_exits2() {
    CtlHarness.Result result = CtlHarness.runReal("--endpoint", endpoint,
        "--tls-cert", pem("client.pem"), "--tls-key", "/nonexistent/client.key", "owner");
    assertEquals(2, result.exitCode());
    assertEquals("raftvipctl: cannot read --tls-key /nonexistent/client.key: no such file\n", result.err());
  }

  @Test
  void certificateAsKey_exits2() {
    CtlHarness.Result result = CtlHarness.runReal("--endpoint", endpoint,
        "--tls-cert", pem("client.pem"), "--tls-key", pem("client.pem"), "--tls-ca", pem("ca.pem"), "owner");
    assertEquals(2, result.exitCode(), result.err());
    assertTrue(result.err().startsWith("raftvipctl: cannot use the TLS files"), result.err());
  }
}
