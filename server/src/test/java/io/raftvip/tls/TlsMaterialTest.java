package io.raftvip.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.raftvip.testing.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Reading admin.tls: every refusal names the key, the file and the fix. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsMaterialTest {

  @TempDir
  Path dir;
  private TestCertificates ca;

  @BeforeEach
  void certificates() throws Exception {
    assumeTrue(TestCertificates.opensslAvailable(), "SKIPPED: no openssl binary to make test certificates");
    ca = TestCertificates.create(dir.resolve("pki"), "raftvip test CA");
  }

  @Test
  void goodFiles_areRead() throws Exception {
    final TlsMaterial m = TlsMaterial.read(new TlsMaterial.Files(ca.nodeCert, ca.nodeKey, ca.caCert));

    assertEquals(1, m.chain().size());
    assertEquals(1, m.trusted().size());
    assertEquals("raftvip-test-node", CertificateNames.of(m.certificate()).commonName().orElseThrow());
  }

  @Test
  void missingFile_isNamedWithItsKey() {
    final Path missing = dir.resolve("nope.crt");
    final TlsException e = assertThrows(TlsException.class,
        () -> TlsMaterial.read(new TlsMaterial.Files(missing, ca.nodeKey, ca.caCert)));
    assertEquals("admin.tls.cert " + missing + ": no such file", e.getMessage());
  }

  @Test
  void fileWithoutCertificate_saysWhatItMustHold() throws Exception {
    final TlsException e = assertThrows(TlsException.class,
        () -> TlsMaterial.read(new TlsMaterial.Files(ca.nodeCert, ca.nodeKey, ca.nodeKey)));
    assertEquals("admin.tls.ca " + ca.nodeKey + ": has no '-----BEGIN CERTIFICATE-----' block; it must hold"
        + " PEM certificates", e.getMessage());
  }

  @Test
  void keyOfAnotherCertificate_isRefused() {
    final TlsException e = assertThrows(TlsException.class,
        () -> TlsMaterial.read(new TlsMaterial.Files(ca.nodeCert, ca.serverKey, ca.caCert)));
    assertEquals("admin.tls.key " + ca.serverKey + " is not the private key of admin.tls.cert " + ca.nodeCert
        + " (subject CN=raftvip-test-node, SAN IP:127.0.0.1, DNS:localhost); give the key the certificate was"
        + " issued for", e.getMessage());
  }

  @Test
  void sec1Key_namesTheConversion() throws Exception {
    final Path sec1 = dir.resolve("node-sec1.key");
    Files.writeString(sec1, "-----BEGIN EC PRIVATE KEY-----\nAAAA\n-----END EC PRIVATE KEY-----\n");
    final TlsException e = assertThrows(TlsException.class,
        () -> TlsMaterial.read(new TlsMaterial.Files(ca.nodeCert, sec1, ca.caCert)));
    assertEquals("admin.tls.key " + sec1 + ": holds a 'EC PRIVATE KEY' key; raftvip reads PKCS#8 ('PRIVATE KEY'):"
        + " convert it with openssl pkcs8 -topk8 -nocrypt -in " + sec1 + " -out NEW_FILE", e.getMessage());
  }

  @Test
  void fingerprint_tellsCertificatesApart() throws Exception {
    final TlsMaterial a = TlsMaterial.read(new TlsMaterial.Files(ca.nodeCert, ca.nodeKey, ca.caCert));
    final TestCertificates.NodeCertificate other = ca.node("n1", "10.0.0.1");
    final TlsMaterial b = TlsMaterial.read(new TlsMaterial.Files(other.cert(), other.key(), ca.caCert));

    assertEquals(a.fingerprint(), TlsMaterial.read(new TlsMaterial.Files(ca.nodeCert, ca.nodeKey, ca.caCert))
        .fingerprint());
    assertNotEquals(a.fingerprint(), b.fingerprint());
    assertTrue(a.fingerprint().matches("[0-9a-f]{12}"), a.fingerprint());
  }
}
