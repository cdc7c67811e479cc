package io.raftvip.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which names a certificate carries, and how a Raft address host and allow-list names match them. */
class CertificateNamesTest {

  private static CertificateNames names(String cn, List<String> dns, List<String> ips, List<String> uris)
      throws Exception {
    final List<InetAddress> addresses = new java.util.ArrayList<>();
    for (String ip : ips) {
      addresses.add(InetAddress.getByName(ip));
    }
    return new CertificateNames("CN=" + cn, Optional.of(cn), dns, addresses, uris);
  }

  @Test
  void ipHost_matchesAnIpSan_inAnyWriting() throws Exception {
    final CertificateNames n = names("n1", List.of("n1.lan"), List.of("10.4.0.10", "fd00:0:0:0:0:0:0:10"), List.of());

    assertTrue(n.namesHost("10.4.0.10"));
    assertTrue(n.namesHost("fd00::10"));
    assertTrue(n.namesHost("[fd00::10]"));
    assertFalse(n.namesHost("10.4.0.11"));
  }

  @Test
  void nameHost_matchesADnsSan_notTheCommonName() throws Exception {
    final CertificateNames n = names("allyrion", List.of("Allyrion.LAN"), List.of(), List.of());

    assertTrue(n.namesHost("allyrion.lan"));
    assertFalse(n.namesHost("allyrion"), "the CN is not a host name for this rule");
  }

  @Test
  void allowListNames_matchCnSansAndAddresses() throws Exception {
    final CertificateNames n = names("ops", List.of("ops.lan"), List.of("10.4.0.50"), List.of("spiffe://c/ops"));

    assertTrue(n.carries("ops"));
    assertTrue(n.carries("OPS.lan"));
    assertTrue(n.carries("10.4.0.50"));
    assertTrue(n.carries("spiffe://c/ops"));
    assertFalse(n.carries("Ops"), "a CN compares exactly");
    assertEquals(List.of("ops", "ops.lan", "10.4.0.50", "spiffe://c/ops"), n.all());
    assertEquals("subject CN=ops, SAN IP:10.4.0.50, DNS:ops.lan, URI:spiffe://c/ops", n.describe());
  }
}
