package io.raftvip.config;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Turns the YAML tree into a {@link RaftvipConfig}: the top-level keys here, each section in its
 * own reader. Returns null when anything was reported, so a config is built only when whole.
 */
final class ConfigReader {

  static final List<String> KEYS = List.of("cluster", "node", "peers", "vips", "storage", "admin",
      "metrics", "timing", "announce", "logging", "health");
  static final String EXAMPLE = "{ cluster: NAME, node: ID, peers: [...], vips: [...] }";
  private static final Pattern CLUSTER = Pattern.compile("[a-z0-9-]{1,63}");

  private final InterfaceChecker interfaces;
  private final Problems problems;

  ConfigReader(InterfaceChecker interfaces, Problems problems) {
    this.interfaces = interfaces;
    this.problems = problems;
  }

  RaftvipConfig read(ConfigNode root) {
    if (!root.mapping(KEYS, EXAMPLE)) {
      return null;
    }
    String cluster = cluster(root.child("cluster"));
    ConfigNode nodeKey = root.child("node");
    String node = nodeKey.requiredString("this node's id, one of the peers");
    if (node != null && !PeersReader.ID.matcher(node).matches()) {
      nodeKey.problem("'" + node + "' must match " + PeersReader.ID.pattern());
      node = null;
    }
    PeersReader peersReader = new PeersReader();
    List<PeerConfig> peers = peersReader.read(root.child("peers"));
    if (node != null && peersReader.complete() && !peersReader.ids().contains(node)) {
      nodeKey.problem("'" + node + "' is not among the peers (" + String.join(", ", peersReader.ids())
          + "); this node must be one of the initial members");
    }
    List<VipConfig> vips = new VipsReader(interfaces).read(root.child("vips"));
    Path storage = root.child("storage").isAbsent()
        ? RaftvipConfig.DEFAULT_STORAGE : root.child("storage").absolutePath();
    EndpointsReader endpoints = new EndpointsReader();
    AdminConfig admin = endpoints.admin(root.child("admin"));
    MetricsConfig metrics = endpoints.metrics(root.child("metrics"));
    TimingReader timings = new TimingReader();
    TimingConfig timing = timings.timing(root.child("timing"));
    AnnounceConfig announce = timings.announce(root.child("announce"));
    LoggingConfig logging = new LoggingReader().read(root.child("logging"));
    HealthConfig health = new HealthReader().read(root.child("health"));
    if (!problems.isEmpty()) {
      return null;
    }
    return new RaftvipConfig(cluster, node, peers, vips, storage, admin, metrics, timing, announce,
        logging, health);
  }

  private static String cluster(ConfigNode key) {
    String cluster = key.requiredString("the name of the Raft group, e.g. goldentooth-cp");
    if (cluster != null && !CLUSTER.matcher(cluster).matches()) {
      key.problem("'" + cluster + "' must match " + CLUSTER.pattern()
          + " (lower-case letters, digits and '-', at most 63)");
      return null;
    }
    return cluster;
  }
}
