package io.raftvip.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.raftvip.testing.TestCertificates;
import io.raftvip.testing.TestCertificates.NodeCertificate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code raftvip check} with admin.tls: this node's certificate must name it, else exit 2 saying why. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CheckCertificateTest {

  @TempDir
  Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;
  private TestCertificates ca;

  @BeforeEach
  void capture() throws Exception {
    assumeTrue(TestCertificates.opensslAvailable(), "SKIPPED: no openssl binary to make test certificates");
    ca = TestCertificates.create(dir.resolve("pki"), "raftvip test CA");
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    if (savedOut != null) {
      System.setOut(savedOut);
      System.setErr(savedErr);
    }
  }

  private Path config(NodeCertificate c) throws Exception {
    return Files.writeString(dir.resolve("raftvip.yaml"), String.join("\n",
        "cluster: demo",
        "node: n1",
        "peers:",
        "  - { id: n1, address: 10.213.9.11:7420 }",
        "  - { id: n2, address: 10.213.9.12:7420 }",
        "vips:",
        "  - { address: 10.213.9.100, interface: lo }",
        "storage: " + dir.resolve("data"),
        "admin: { tls: { cert: " + c.cert() + ", key: " + c.key() + ", ca: " + ca.caCert + " } }",
        ""));
  }

  @Test
  void certificateNamingThisNode_passes() throws Exception {
    assertEquals(0, new CommandLine(new Main()).execute("check", "--config",
        config(ca.node("n1", "10.213.9.11")).toString()), err.toString(StandardCharsets.UTF_8));
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("allow: []  # nobody may make changes over TCP"));
  }

  @Test
  void certificateNamingAnotherNode_exits2_namingTheSanToIssue() throws Exception {
    final NodeCertificate n2 = ca.node("n2", "10.213.9.12");

    assertEquals(2, new CommandLine(new Main()).execute("check", "--config", config(n2).toString()));

    assertEquals("raftvip: this node's TLS certificate would be refused:" + System.lineSeparator()
        + "  admin.tls.cert " + n2.cert() + " (subject CN=raftvip-test-n2, SAN IP:10.213.9.12) does not name this"
        + " node's Raft address host 10.213.9.11 (node 'n1'), so every other member refuses its Raft traffic;"
        + " issue it with subjectAltName=IP:10.213.9.11" + System.lineSeparator(), err.toString(StandardCharsets.UTF_8));
    assertEquals("", out.toString(StandardCharsets.UTF_8));
  }

  @Test
  void unreadableKey_exits2_namingTheFile() throws Exception {
    final NodeCertificate n1 = ca.node("n1", "10.213.9.11");
    Files.writeString(n1.key(), "not a key\n");

    assertEquals(2, new CommandLine(new Main()).execute("check", "--config", config(n1).toString()));

    assertTrue(err.toString(StandardCharsets.UTF_8).contains("admin.tls.key " + n1.key()
        + ": has no '-----BEGIN PRIVATE KEY-----' block; it must hold the PKCS#8 PEM private key"), err.toString());
  }
}
