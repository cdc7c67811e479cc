package io.raftvip.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;

/**
 * The names a certificate gives its holder: the subject's common name and the subject alternative
 * names (DNS, IP, URI). Two rules are built on them:
 *
 * <ul>
 *   <li>a Raft member's certificate names the member when a subject alternative name is the host
 *       of the member's Raft address: an IP SAN for an IP address, a DNS SAN (same letters, any
 *       case, no wildcard) for a host name ({@link #namesHost});
 *   <li>an admin client is on {@code admin.allow} when one of its names (CN or any SAN) is
 *       ({@link #all}).
 * </ul>
 *
 * @param subject the subject distinguished name as the certificate has it
 * @param commonName the subject's CN, if it has one
 * @param dns the DNS SANs
 * @param ips the IP SANs
 * @param uris the URI SANs
 */
public record CertificateNames(String subject, Optional<String> commonName, List<String> dns,
                               List<InetAddress> ips, List<String> uris) {

  private static final int SAN_DNS = 2;
  private static final int SAN_URI = 6;
  private static final int SAN_IP = 7;
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  public CertificateNames {
    dns = List.copyOf(dns);
    ips = List.copyOf(ips);
    uris = List.copyOf(uris);
  }

  /**
   * @param session the TLS session of a call (null on a plaintext connection)
   * @return the names of the peer's certificate, empty when it presented none
   */
  public static Optional<CertificateNames> ofPeer(SSLSession session) {
    if (session == null) {
      return Optional.empty();
    }
    try {
      final Certificate[] chain = session.getPeerCertificates();
      return chain.length > 0 && chain[0] instanceof X509Certificate x ? Optional.of(of(x)) : Optional.empty();
    } catch (SSLPeerUnverifiedException e) {
      return Optional.empty();
    }
  }

  /** @return the names of {@code cert} */
  public static CertificateNames of(X509Certificate cert) {
    final String subject = cert.getSubjectX500Principal().getName();
    final List<String> dns = new ArrayList<>();
    final List<InetAddress> ips = new ArrayList<>();
    final List<String> uris = new ArrayList<>();
    final Collection<List<?>> sans;
    try {
      sans = cert.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return new CertificateNames(subject, commonName(subject), dns, ips, uris); // unreadable SANs name nothing
    }
    for (List<?> san : sans == null ? List.<List<?>>of() : sans) {
      final int type = (Integer) san.get(0);
      final Object value = san.get(1);
      if (type == SAN_DNS && value instanceof String s) {
        dns.add(s);
      } else if (type == SAN_URI && value instanceof String s) {
        uris.add(s);
      } else if (type == SAN_IP && value instanceof String s) {
        ipLiteral(s).ifPresent(ips::add);
      }
    }
    return new CertificateNames(subject, commonName(subject), dns, ips, uris);
  }

  /**
   * @param host the host of a Raft address: an IPv4 or IPv6 literal (brackets allowed) or a name
   * @return whether a SAN names it: an IP SAN equal to the address, or a DNS SAN equal to the name
   */
  public boolean namesHost(String host) {
    final String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    final Optional<InetAddress> ip = ipLiteral(bare);
    if (ip.isPresent()) {
      return ips.contains(ip.get());
    }
    return dns.stream().anyMatch(d -> d.equalsIgnoreCase(bare));
  }

  /**
   * @return every name, as an operator would write it in {@code admin.allow}: the CN, DNS names,
   *     IP addresses (canonical form) and URIs
   */
  public List<String> all() {
    final List<String> names = new ArrayList<>();
    commonName.ifPresent(names::add);
    names.addAll(dns);
    ips.forEach(a -> names.add(a.getHostAddress()));
    names.addAll(uris);
    return names;
  }

  /**
   * @param name a name from {@code admin.allow}
   * @return whether the certificate carries it: IP literals compare as addresses, DNS names
   *     without regard to case, the CN and URIs exactly
   */
  public boolean carries(String name) {
    final Optional<InetAddress> ip = ipLiteral(name);
    if (ip.isPresent()) {
      return ips.contains(ip.get());
    }
    return commonName.map(name::equals).orElse(false) || uris.contains(name)
        || dns.stream().anyMatch(d -> d.equalsIgnoreCase(name));
  }

  /** @return e.g. {@code "subject CN=n4, SAN IP:10.0.0.14, DNS:n4.lan"} */
  public String describe() {
    final List<String> sans = new ArrayList<>();
    ips.forEach(a -> sans.add("IP:" + a.getHostAddress()));
    dns.forEach(d -> sans.add("DNS:" + d));
    uris.forEach(u -> sans.add("URI:" + u));
    return "subject " + subject + ", " + (sans.isEmpty() ? "no subject alternative names" : "SAN " + String.join(", ", sans));
  }

  private static Optional<String> commonName(String subject) {
    try {
      for (Rdn rdn : new LdapName(subject).getRdns()) {
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return Optional.of(rdn.getValue().toString());
        }
      }
    } catch (InvalidNameException e) {
      // a subject the JDK printed but cannot parse back: no CN to offer
    }
    return Optional.empty();
  }

  /** @return the address when {@code text} is an IP literal; never a DNS lookup */
  static Optional<InetAddress> ipLiteral(String text) {
    final boolean literal = IPV4.matcher(text).matches()
        || (text.indexOf(':') >= 0 && text.matches("[0-9A-Fa-f:.]+"));
    if (!literal) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByName(text)); // a literal: parsed, not resolved
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
