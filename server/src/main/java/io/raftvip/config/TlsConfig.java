package io.raftvip.config;

import java.util.Objects;
import java.nio.file.Path;

/**
 * Mutual TLS material, PEM files. Used for the TCP admin API and for Raft traffic between peers;
 * certificates need a SAN matching each peer's address.
 *
 * @param cert this node's certificate chain
 * @param key this node's private key
 * @param ca the CA that signs every peer and admin client
 */
public record TlsConfig(Path cert, Path key, Path ca) {

  public TlsConfig {
    Objects.requireNonNull(cert, "cert");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(ca, "ca");
  }
}
