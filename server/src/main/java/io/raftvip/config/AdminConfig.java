package io.raftvip.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where the admin gRPC API listens. The unix socket is always there (local {@code raftvipctl});
 * TCP is opt-in.
 *
 * @param socket the unix domain socket path
 * @param listen the TCP endpoint, or {@code null} for no TCP listener
 * @param tls mutual TLS for the TCP admin API and for Raft traffic, or {@code null} for plaintext
 * @param allow the client identities (certificate CN or subject alternative names) that may make
 *     changes over the TCP listener; empty: nobody may, reads stay open to every client the CA signed
 */
public record AdminConfig(Path socket, HostPort listen, TlsConfig tls, List<String> allow) {

  /** The socket {@code raftvipctl} tries when given no endpoint. */
  public static final Path DEFAULT_SOCKET = Path.of("/run/raftvip/admin.sock");

  public AdminConfig {
    Objects.requireNonNull(socket, "socket");
    allow = List.copyOf(allow);
  }

  /** As the canonical constructor with nobody allowed to make changes over TCP. */
  public AdminConfig(Path socket, HostPort listen, TlsConfig tls) {
    this(socket, listen, tls, List.of());
  }

  /** @return the default socket, no TCP, no TLS */
  public static AdminConfig defaults() {
    return new AdminConfig(DEFAULT_SOCKET, null, null);
  }
}
