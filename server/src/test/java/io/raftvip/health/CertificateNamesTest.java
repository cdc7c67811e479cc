package io.raftvip.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class CertificateNamesTest {

  @Test
  void dnsNames_matchExactly_ignoringCaseAndATrailingDot() {
    assertTrue(CertificateNames.dnsMatches("kubernetes", "kubernetes"));
    assertTrue(CertificateNames.dnsMatches("Kubernetes.Default.", "kubernetes.default"));
    assertFalse(CertificateNames.dnsMatches("kubernetes", "kubernetes.default"));
  }

  @Test
  void wildcard_standsForExactlyOneLeftmostLabel() {
    assertTrue(CertificateNames.dnsMatches("*.example.com", "api.example.com"));
    assertFalse(CertificateNames.dnsMatches("*.example.com", "example.com"));
    assertFalse(CertificateNames.dnsMatches("*.example.com", "a.b.example.com"));
    assertFalse(CertificateNames.dnsMatches("*.example.com", ".example.com"));
  }

  @Test
  void ipLiterals_areParsedNeverResolved() throws Exception {
    assertEquals(InetAddress.getByName("127.0.0.1"), CertificateNames.ipLiteral("127.0.0.1"));
    assertEquals(InetAddress.getByName("::1"), CertificateNames.ipLiteral("[::1]"));
    assertEquals(CertificateNames.ipLiteral("0:0:0:0:0:0:0:1"), CertificateNames.ipLiteral("::1"));
    assertNull(CertificateNames.ipLiteral("localhost"));
    assertNull(CertificateNames.ipLiteral("kubernetes"));
  }
}
