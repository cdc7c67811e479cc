package io.raftvip.dist;

import java.time.Duration;
import java.util.List;

/**
 * Three network namespaces of our own: a switch with a bridge, the node (the container's network)
 * and a client, each on a veth port of the bridge. Names start with the test's prefix; only
 * these are ever deleted.
 */
final class BridgeLab implements AutoCloseable {

  static final String NODE_ADDRESS = "10.215.0.1";
  static final String CLIENT_ADDRESS = "10.215.0.2";
  static final String VIP = "10.215.0.100";
  private static final Duration IP = Duration.ofSeconds(10);

  private final String switchNs;
  private final String nodeNs;
  private final String clientNs;

  BridgeLab(String name) {
    this.switchNs = name + "-sw";
    this.nodeNs = name + "-c";
    this.clientNs = name + "-cl";
  }

  /** The node's namespace, for {@code systemd-nspawn --network-namespace-path=}. */
  String nodeNs() {
    return nodeNs;
  }

  String clientNs() {
    return clientNs;
  }

  void create() {
    for (String ns : List.of(switchNs, nodeNs, clientNs)) {
      ip("netns", "add", ns);
      ip("-n", ns, "link", "set", "lo", "up");
    }
    ip("-n", switchNs, "link", "add", "br0", "type", "bridge");
    ip("-n", switchNs, "link", "set", "br0", "up");
    port("p-node", nodeNs, NODE_ADDRESS);
    port("p-client", clientNs, CLIENT_ADDRESS);
  }

  private void port(String switchSide, String ns, String address) {
    ip("-n", switchNs, "link", "add", switchSide, "type", "veth", "peer", "name", "eth0", "netns", ns);
    ip("-n", switchNs, "link", "set", switchSide, "master", "br0", "up");
    ip("-n", ns, "addr", "add", address + "/24", "dev", "eth0");
    ip("-n", ns, "link", "set", "eth0", "up");
  }

  /** The IPv4 addresses on the node's eth0, as the kernel has them now. */
  String nodeAddresses() {
    return ip("-n", nodeNs, "-4", "-o", "addr", "show", "dev", "eth0");
  }

  boolean vipBound() {
    return nodeAddresses().contains(" " + VIP + "/32 ");
  }

  /**
   * Whether the client reaches the VIP: a TCP connection to it is accepted or refused (either way
   * the node answered ARP and the packet), rather than timing out or finding no route.
   */
  String probeVipFromClient() {
    final Sh.Result r = Sh.run(Duration.ofSeconds(10), "ip", "netns", "exec", clientNs, "timeout", "3",
        "bash", "-c", "exec 3<>/dev/tcp/" + VIP + "/7420");
    return r.ok() ? "connected" : r.err().contains("Connection refused") ? "refused" : "unreachable: " + r.err().strip();
  }

  /** The client's neighbor entry for the VIP, e.g. {@code 10.215.0.100 dev eth0 lladdr … REACHABLE}. */
  String clientNeighborOfVip() {
    return ip("-n", clientNs, "neigh", "show", VIP).strip();
  }

  String nodeMac() {
    return ip("-n", nodeNs, "-o", "link", "show", "dev", "eth0").replaceAll("(?s).*link/ether ([0-9a-f:]+).*", "$1").strip();
  }

  private static String ip(String... args) {
    final String[] command = new String[args.length + 1];
    command[0] = "ip";
    System.arraycopy(args, 0, command, 1, args.length);
    return Sh.run(IP, command).check().out();
  }

  @Override
  public void close() {
    for (String ns : List.of(clientNs, nodeNs, switchNs)) {
      final Sh.Result r = Sh.run(IP, "ip", "netns", "del", ns);
      if (!r.ok() && !r.err().contains("No such file")) {
        System.err.println("systemd IT: cannot delete namespace " + ns + ": " + r.err().strip());
      }
    }
  }
}
