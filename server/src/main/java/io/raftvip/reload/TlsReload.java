package io.raftvip.reload;

import io.raftvip.config.RaftvipConfig;
import io.raftvip.config.TlsConfig;
import io.raftvip.tls.CertificateNames;
import io.raftvip.tls.NodeTls;
import io.raftvip.tls.OwnCertificateCheck;
import io.raftvip.tls.TlsException;
import io.raftvip.tls.TlsMaterial;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The TLS part of a reload, in two steps: {@link #prepare} reads the files {@code admin.tls}
 * names (again, even when the paths did not change: rotating a certificate usually means
 * overwriting the files) and refuses them unless the other members would accept this node's new
 * certificate; {@link #install} then hands them to the key and trust managers every TLS user of the
 * daemon holds, for all handshakes from then on. Connections already open keep their session.
 */
final class TlsReload {

  private final NodeTls tls;
  private final Clock clock;

  /** @param tls the running node's TLS, or null when it runs without */
  TlsReload(NodeTls tls, Clock clock) {
    this.tls = tls;
    this.clock = clock;
  }

  /**
   * @return the new material when it differs from what is installed; empty when TLS is off or the
   *     files hold what is already in use
   * @throws TlsException when the files cannot be used, naming the key, the file and the fix
   */
  Optional<TlsMaterial> prepare(RaftvipConfig next) throws TlsException {
    final TlsConfig files = next.admin().tls();
    if (tls == null || files == null) {
      return Optional.empty(); // turning TLS on or off is not live: the diff reports it
    }
    final TlsMaterial material = TlsMaterial.read(new TlsMaterial.Files(files.cert(), files.key(), files.ca()));
    final List<String> problems = OwnCertificateCheck.problems(material, next.node(), next.self().host(),
        clock.instant());
    if (!problems.isEmpty()) {
      throw new TlsException(String.join("; ", problems));
    }
    return material.fingerprint().equals(tls.current().fingerprint()) ? Optional.empty() : Optional.of(material);
  }

  /** @return a description of the change, for the outcome's message */
  String install(TlsMaterial next) {
    final TlsMaterial before = tls.current();
    tls.install(next);
    final String cert = sameCertificate(before, next) ? "same certificate"
        : "certificate " + CertificateNames.of(next.certificate()).describe() + ", serial "
            + next.certificate().getSerialNumber().toString(16) + ", valid until " + next.certificate().getNotAfter().toInstant();
    final String ca = before.trusted().equals(next.trusted()) ? "same CA bundle"
        : "CA bundle of " + next.trusted().size() + " certificate(s)";
    return "admin.tls re-read (" + cert + "; " + ca + ") for new Raft and admin connections";
  }

  private static boolean sameCertificate(TlsMaterial a, TlsMaterial b) {
    return a.chain().equals(b.chain());
  }
}
