package io.raftvip.tls;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Would the other members accept this node's certificate? It must name this node's Raft address
 * (see {@link CertificateNames}), be valid now, chain to the configured CA, and allow both TLS
 * roles (a Raft member is server and client). Used by {@code raftvip check}, at start-up and
 * before a reload installs new files.
 */
public final class OwnCertificateCheck {

  private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";
  private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

  private OwnCertificateCheck() {}

  /**
   * @param material this node's files
   * @param nodeId this node's id, for messages
   * @param raftHost the host of this node's Raft address ({@code peers[].address} of {@code node})
   * @param now the time to check validity at
   * @return one line per problem, each naming the file and the fix; empty when the others will accept it
   */
  public static List<String> problems(TlsMaterial material, String nodeId, String raftHost, Instant now) {
    final X509Certificate cert = material.certificate();
    final CertificateNames names = CertificateNames.of(cert);
    final String file = "admin.tls.cert " + material.files().cert();
    final List<String> problems = new ArrayList<>();
    if (!names.namesHost(raftHost)) {
      final boolean ip = CertificateNames.ipLiteral(raftHost.replace("[", "").replace("]", "")).isPresent();
      problems.add(file + " (" + names.describe() + ") does not name this node's Raft address host "
          + raftHost + " (node '" + nodeId + "'), so every other member refuses its Raft traffic; issue it"
          + " with subjectAltName=" + (ip ? "IP:" : "DNS:") + raftHost.replace("[", "").replace("]", ""));
    }
    final boolean valid = validity(cert, now, file, problems);
    if (valid) {
      chain(material, now, problems);
    }
    usage(cert, file, problems);
    return problems;
  }

  private static boolean validity(X509Certificate cert, Instant now, String file, List<String> problems) {
    if (now.isAfter(cert.getNotAfter().toInstant())) {
      problems.add(file + " expired at " + cert.getNotAfter().toInstant() + "; install a renewed certificate"
          + " and reload (systemctl reload raftvip)");
      return false;
    }
    if (now.isBefore(cert.getNotBefore().toInstant())) {
      problems.add(file + " is not valid before " + cert.getNotBefore().toInstant()
          + " (is this host's clock right?)");
      return false;
    }
    return true;
  }

  private static void chain(TlsMaterial material, Instant now, List<String> problems) {
    try {
      final Set<TrustAnchor> anchors = material.trusted().stream()
          .map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toSet());
      final PKIXParameters params = new PKIXParameters(anchors);
      params.setRevocationEnabled(false); // no CRL or OCSP in a cluster's private CA
      params.setDate(Date.from(now));
      CertPathValidator.getInstance("PKIX").validate(
          CertificateFactory.getInstance("X.509").generateCertPath(material.chain()), params);
    } catch (CertPathValidatorException e) {
      problems.add("admin.tls.cert " + material.files().cert() + " does not chain to a CA in admin.tls.ca "
          + material.files().ca() + " (" + e.getMessage() + "); the other members refuse it: use a"
          + " certificate the cluster's CA signed, or the CA that signed it");
    } catch (GeneralSecurityException e) {
      problems.add("admin.tls.ca " + material.files().ca() + ": cannot check the chain: " + e.getMessage());
    }
  }

  private static void usage(X509Certificate cert, String file, List<String> problems) {
    final List<String> usages;
    try {
      usages = cert.getExtendedKeyUsage();
    } catch (CertificateParsingException e) {
      problems.add(file + ": its extended key usage cannot be read: " + e.getMessage());
      return;
    }
    if (usages == null) {
      return; // no restriction: any use
    }
    final List<String> missing = new ArrayList<>();
    if (!usages.contains(SERVER_AUTH)) {
      missing.add("serverAuth");
    }
    if (!usages.contains(CLIENT_AUTH)) {
      missing.add("clientAuth");
    }
    if (!missing.isEmpty()) {
      problems.add(file + ": its extended key usage lacks " + String.join(" and ", missing)
          + "; a Raft member is TLS server and client: issue it with extendedKeyUsage=serverAuth,clientAuth");
    }
  }
}
