package io.raftvip.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the admin gRPC API listens. The unix socket is always there (local {@code raftvipctl});
 * TCP is opt-in.
 *
 * @param socket the unix domain socket path
 * @param listen the TCP endpoint, or {@code null} for no TCP listener
 * @param tls mutual TLS for the TCP admin API and for Raft traffic, or {@code null} for plaintext
 */
public record AdminConfig(Path socket, HostPort listen, TlsConfig tls) {

  /** The socket {@code raftvipctl} tries when given no endpoint. */
  public static final Path DEFAULT_SOCKET = Path.of("/run/raftvip/admin.sock");

  public AdminConfig {
    Objects.requireNonNull(socket, "socket");
  }

  /** @return the default socket, no TCP, no TLS */
  public static AdminConfig defaults() {
    return new AdminConfig(DEFAULT_SOCKET, null, null);
  }
}
