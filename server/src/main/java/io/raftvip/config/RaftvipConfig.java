package io.raftvip.config;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The whole configuration of one raftvip daemon, validated and sealed: every default is filled in,
 * every cross-field rule (node among peers, heartbeat &lt; lease &lt; election timeout) holds.
 * Build one with {@link ConfigLoader}; the constructor only checks what {@link #self()} relies on.
 *
 * @param cluster name of the Raft group, {@code [a-z0-9-]{1,63}}
 * @param node this node's id; one of {@code peers}
 * @param peers the initial members (afterwards the Raft log rules membership)
 * @param vips the addresses the owner binds, at least one
 * @param storage the Raft log and snapshot directory
 * @param admin the admin API endpoints
 * @param metrics the Prometheus endpoint
 * @param timing Raft and ownership timing
 * @param announce gratuitous ARP / neighbour advertisement schedule
 * @param logging log levels
 * @param health local health checks that gate ownership, or {@code null} when the file has no
 *     {@code health} section (no gating: the leader owns the VIP, as without health checks)
 */
public record RaftvipConfig(String cluster, String node, List<PeerConfig> peers, List<VipConfig> vips,
    Path storage, AdminConfig admin, MetricsConfig metrics, TimingConfig timing,
    AnnounceConfig announce, LoggingConfig logging, HealthConfig health) {

  /** Where the Raft log lives unless {@code storage} says otherwise. */
  public static final Path DEFAULT_STORAGE = Path.of("/var/lib/raftvip");

  public RaftvipConfig {
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(node, "node");
    peers = List.copyOf(peers);
    vips = List.copyOf(vips);
    Objects.requireNonNull(storage, "storage");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(timing, "timing");
    Objects.requireNonNull(announce, "announce");
    Objects.requireNonNull(logging, "logging");
    if (peers.stream().noneMatch(p -> p.id().equals(node))) {
      throw new IllegalArgumentException("node '" + node + "' is not among peers " + peers);
    }
  }

  /** @return whether health checks gate ownership ({@link #health()} is not null) */
  public boolean healthGated() {
    return health != null;
  }

  /** @return the peer entry of this node (the one whose id is {@link #node()}) */
  public PeerConfig self() {
    return peers.stream()
        .filter(p -> p.id().equals(node))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("node " + node + " not in peers"));
  }

  /**
   * The Raft group id. Derived from the cluster name only, so every node of the cluster computes
   * the same id without coordination, and it survives restarts and config rewrites.
   *
   * @return {@code UUID.nameUUIDFromBytes("raftvip:" + cluster)}
   */
  public UUID groupId() {
    return UUID.nameUUIDFromBytes(("raftvip:" + cluster).getBytes(UTF_8));
  }
}
