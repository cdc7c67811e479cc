package io.raftvip.config;

import java.util.Objects;

/**
 * One initial member of the Raft group.
 *
 * @param id the member id, {@code [A-Za-z0-9][A-Za-z0-9._-]{0,62}}
 * @param host its Raft host: an IP literal (IPv6 without brackets) or a host name
 * @param port its Raft port, 1..65535
 * @param priority ownership preference 0..100 (raftvip's, not Ratis'); the owner hands the VIP to
 *     a member of higher priority release-first (with health checks: only with preempt: true)
 */
public record PeerConfig(String id, String host, int port, int priority) {

  public PeerConfig {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(host, "host");
  }

  /** @return {@code host:port}, IPv6 hosts in brackets: the form Ratis and gRPC expect */
  public String address() {
    return hostPort().toString();
  }

  /** @return host and port as one value */
  public HostPort hostPort() {
    return new HostPort(host, port);
  }
}
