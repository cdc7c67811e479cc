package io.raftvip.admin;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The PEM files for mutual TLS on the admin TCP listener.
 *
 * @param cert this server's certificate chain (PEM)
 * @param key this server's private key (PKCS#8 PEM, unencrypted)
 * @param ca the CA certificates that client certificates must chain to (PEM)
 */
public record TlsFiles(Path cert, Path key, Path ca) {

  /** Rejects missing paths at construction so a half-configured TLS block fails fast. */
  public TlsFiles {
    Objects.requireNonNull(cert, "admin.tls.cert");
    Objects.requireNonNull(key, "admin.tls.key");
    Objects.requireNonNull(ca, "admin.tls.ca");
  }
}
