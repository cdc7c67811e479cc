package io.raftvip.health;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Does a server certificate name the host we expected? Checked against the subject alternative
 * names only (RFC 6125; the common name has been ignored by browsers and Go for years): an IP
 * address against IP entries, a host name against DNS entries, where {@code *.example.com} stands
 * for exactly one leftmost label.
 *
 * <p>raftvip checks names itself, instead of leaving it to JSSE, because {@code server-name} may
 * differ from the host the URL connects to (kubeadm's API server certificate names
 * {@code kubernetes}, not 127.0.0.1).
 */
final class CertificateNames {

  private static final int DNS = 2;
  private static final int IP = 7;

  private CertificateNames() {}

  /**
   * @param certificate the server's own certificate (the first of its chain)
   * @param expected a host name or an IP literal (IPv6 without brackets)
   * @throws CertificateException naming what the certificate does name
   */
  static void verify(X509Certificate certificate, String expected) throws CertificateException {
    InetAddress address = ipLiteral(expected);
    List<String> names = new ArrayList<>();
    for (List<?> entry : alternativeNames(certificate)) {
      int type = (Integer) entry.get(0);
      String value = String.valueOf(entry.get(1));
      if (type == IP || type == DNS) {
        names.add(value);
      }
      boolean match = address != null
          ? type == IP && address.equals(ipLiteral(value))
          : type == DNS && dnsMatches(value, expected);
      if (match) {
        return;
      }
    }
    throw new CertificateException("the server's certificate names "
        + (names.isEmpty() ? "no host (no subject alternative names)" : String.join(", ", names))
        + ", not " + expected + "; set server-name to a name it carries");
  }

  private static Collection<List<?>> alternativeNames(X509Certificate certificate)
      throws CertificateParsingException {
    Collection<List<?>> names = certificate.getSubjectAlternativeNames();
    return names == null ? List.of() : names;
  }

  static boolean dnsMatches(String pattern, String host) {
    String p = normalize(pattern);
    String h = normalize(host);
    if (!p.startsWith("*.")) {
      return p.equals(h);
    }
    int dot = h.indexOf('.');
    return dot > 0 && h.substring(dot).equals(p.substring(1));
  }

  private static String normalize(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  /** @return the address of an IP literal, or null for a host name (never resolves) */
  static InetAddress ipLiteral(String text) {
    String bare = text.startsWith("[") && text.endsWith("]")
        ? text.substring(1, text.length() - 1) : text;
    if (!bare.contains(":") && !bare.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}")) {
      return null;
    }
    try {
      return InetAddress.getByName(bare); // a literal: parsed, not resolved
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
