package io.raftvip.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The files of a {@link ClusterLab}'s nodes under its directory: each node's {@code raftvip.yaml}
 * (peers, the layout's VIPs, storage, admin socket, timing and any extra YAML), its admin socket
 * and its daemon log.
 */
final class LabConfigs {

  private final Path dir;
  private final LabLayout layout;
  private final String timing;
  private final Function<String, String> extraYaml;
  private final Function<String, String> adminExtra;
  private Map<String, Integer> priorities = Map.of();

  /**
   * @param timing     the YAML {@code timing:} mapping of every node
   * @param extraYaml  more top-level YAML lines for node {@code id}'s config, or ""
   * @param adminExtra more entries for node {@code id}'s {@code admin:} flow mapping, each starting with ", "
   */
  LabConfigs(Path dir, LabLayout layout, String timing, Function<String, String> extraYaml,
             Function<String, String> adminExtra) {
    this.dir = dir;
    this.layout = layout;
    this.timing = timing;
    this.extraYaml = extraYaml;
    this.adminExtra = adminExtra;
  }

  /** From the next {@link #write} on, peers get these priorities (others none: 0). */
  void priorities(Map<String, Integer> byId) {
    priorities = Map.copyOf(byId);
  }

  Path config(String id) {
    return dir.resolve(id).resolve("raftvip.yaml");
  }

  Path log(String id) {
    return dir.resolve(id).resolve("daemon.log");
  }

  /** @return the admin socket of node {@code id} (a file: reachable from any namespace) */
  Path adminSocket(String id) {
    return dir.resolve(id).resolve("admin.sock");
  }

  /**
   * Writes node {@code id}'s config with the peers {@code peerIds} and the timing {@code
   * nodeTiming}, or the lab's when null.
   */
  void write(String id, List<String> peerIds, String nodeTiming) throws IOException {
    final Path nodeDir = Files.createDirectories(dir.resolve(id));
    final String peers = peerIds.stream()
        .map(p -> "  - { id: " + p + ", address: " + layout.raftAddress(p)
            + (priorities.containsKey(p) ? ", priority: " + priorities.get(p) : "") + " }")
        .collect(Collectors.joining("\n"));
    Files.writeString(config(id), String.join("\n",
        "cluster: itest",
        "node: " + id,
        "peers:",
        peers,
        "vips:",
        layout.yaml(),
        "storage: " + nodeDir.resolve("data"),
        "admin: { socket: " + adminSocket(id) + adminExtra.apply(id) + " }",
        "timing: " + (nodeTiming == null ? timing : nodeTiming),
        extraYaml.apply(id),
        ""));
  }
}
