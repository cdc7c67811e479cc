package io.raftvip.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.raftvip.testing.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Would the other members accept this node's certificate? Each refusal message, word for word. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OwnCertificateCheckTest {

  @TempDir
  Path dir;
  private TestCertificates ca;
  private TlsMaterial n1;

  @BeforeEach
  void certificates() throws Exception {
    assumeTrue(TestCertificates.opensslAvailable(), "SKIPPED: no openssl binary to make test certificates");
    ca = TestCertificates.create(dir.resolve("pki"), "raftvip test CA");
    final TestCertificates.NodeCertificate c = ca.node("n1", "10.4.0.10");
    n1 = TlsMaterial.read(new TlsMaterial.Files(c.cert(), c.key(), ca.caCert));
  }

  @Test
  void certificateNamingThisNode_passes() {
    assertEquals(List.of(), OwnCertificateCheck.problems(n1, "n1", "10.4.0.10", Instant.now()));
  }

  @Test
  void certificateNamingAnotherAddress_isRefusedNamingTheSanToIssue() {
    final List<String> problems = OwnCertificateCheck.problems(n1, "n2", "10.4.0.11", Instant.now());

    assertEquals(List.of("admin.tls.cert " + n1.files().cert() + " (subject CN=raftvip-test-n1, SAN IP:10.4.0.10)"
        + " does not name this node's Raft address host 10.4.0.11 (node 'n2'), so every other member refuses its"
        + " Raft traffic; issue it with subjectAltName=IP:10.4.0.11"), problems);
  }

  @Test
  void hostName_needsADnsSan() {
    final List<String> problems = OwnCertificateCheck.problems(n1, "n1", "allyrion.lan", Instant.now());

    assertEquals(1, problems.size());
    assertEquals(true, problems.get(0).endsWith("issue it with subjectAltName=DNS:allyrion.lan"), problems.get(0));
  }

  @Test
  void expiredCertificate_isRefused() {
    final Instant later = n1.certificate().getNotAfter().toInstant().plus(Duration.ofDays(1));

    assertEquals(List.of("admin.tls.cert " + n1.files().cert() + " expired at "
        + n1.certificate().getNotAfter().toInstant() + "; install a renewed certificate and reload (systemctl"
        + " reload raftvip)"), OwnCertificateCheck.problems(n1, "n1", "10.4.0.10", later));
  }

  @Test
  void certificateOfAnotherCa_isRefused() throws Exception {
    final TestCertificates other = TestCertificates.create(dir.resolve("other"), "someone elses CA");
    final TestCertificates.NodeCertificate c = other.node("n1", "10.4.0.10");
    final TlsMaterial foreign = TlsMaterial.read(new TlsMaterial.Files(c.cert(), c.key(), ca.caCert));

    final List<String> problems = OwnCertificateCheck.problems(foreign, "n1", "10.4.0.10", Instant.now());

    assertEquals(1, problems.size(), problems.toString());
    assertEquals(true, problems.get(0).startsWith("admin.tls.cert " + c.cert() + " does not chain to a CA in"
        + " admin.tls.ca " + ca.caCert + " ("), problems.get(0));
    assertEquals(true, problems.get(0).endsWith("); the other members refuse it: use a certificate the cluster's"
        + " CA signed, or the CA that signed it"), problems.get(0));
  }

  @Test
  void serverOnlyCertificate_lacksTheClientRole() throws Exception {
    final TlsMaterial server = TlsMaterial.read(new TlsMaterial.Files(ca.serverCert, ca.serverKey, ca.caCert));

    assertEquals(List.of("admin.tls.cert " + ca.serverCert + ": its extended key usage lacks clientAuth; a Raft"
        + " member is TLS server and client: issue it with extendedKeyUsage=serverAuth,clientAuth"),
        OwnCertificateCheck.problems(server, "n1", "127.0.0.1", Instant.now()));
  }
}
