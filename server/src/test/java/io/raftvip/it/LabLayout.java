package io.raftvip.it;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Which VIPs a {@link ClusterLab}'s daemons run with, and so which links the lab builds. Link
 * {@code k} is interface {@code eth<k>} in every node, the client and an attached host, joined by
 * bridge {@code sw<k>} in the switch namespace, with subnet {@code 10.213.(7+k).0/24} and, when
 * any VIP is IPv6, {@code fd00:213:(7+k)::/64} as well:
 *
 * <pre>
 *   link 0  eth0  10.213.7.0/24  fd00:213:7::/64   node nK .(10+K) / ::(10+K), client .50 / ::50
 *   link 1  eth1  10.213.8.0/24  fd00:213:8::/64   (only when a VIP is on eth1)
 * </pre>
 *
 * <p>Raft runs over link 0's IPv4 addresses ({@link ClusterLab#raftAddress}), or over its IPv6
 * ones ({@code [fd00:213:7::(10+K)]:7420}) in an IPv6-only layout.
 */
final class LabLayout {

  /** A VIP as it appears in every node's {@code vips:}. */
  record LabVip(String address, String iface) {
    boolean ipv6() {
      return address.indexOf(':') >= 0;
    }

    int link() {
      return Integer.parseInt(iface.substring("eth".length()));
    }

    @Override
    public String toString() {
      return address + " on " + iface;
    }
  }

  static final String VIP6 = "fd00:213:7::100";
  static final String VIP_LINK1 = "10.213.8.100";

  /** The original lab: one IPv4 VIP on eth0. */
  static final LabLayout IPV4 = new LabLayout(List.of(new LabVip(ClusterLab.VIP, "eth0")));
  /** One IPv6 VIP on eth0, and Raft over IPv6 too: a control plane without IPv4. */
  static final LabLayout IPV6 = new LabLayout(List.of(new LabVip(VIP6, "eth0")), true);
  /** One IPv4 and one IPv6 VIP, both on eth0. */
  static final LabLayout DUAL_STACK =
      new LabLayout(List.of(new LabVip(ClusterLab.VIP, "eth0"), new LabVip(VIP6, "eth0")));
  /** One IPv4 VIP on eth0 and one on eth1, a second interface on a second bridge. */
  static final LabLayout TWO_LINKS =
      new LabLayout(List.of(new LabVip(ClusterLab.VIP, "eth0"), new LabVip(VIP_LINK1, "eth1")));

  private final List<LabVip> vips;
  private final boolean raftOverIpv6;

  LabLayout(List<LabVip> vips) {
    this(vips, false);
  }

  /** @param raftOverIpv6 whether the peers' Raft addresses are their IPv6 ones (the layout must have an IPv6 VIP) */
  LabLayout(List<LabVip> vips, boolean raftOverIpv6) {
    if (vips.isEmpty()) {
      throw new IllegalArgumentException("a lab needs at least one VIP");
    }
    this.vips = List.copyOf(vips);
    this.raftOverIpv6 = raftOverIpv6;
    if (raftOverIpv6 && !ipv6()) {
      throw new IllegalArgumentException("Raft over IPv6 needs IPv6 on the links: an IPv6 VIP");
    }
  }

  /** @return node {@code id}'s Raft address HOST:PORT as its peers' config names it */
  String raftAddress(String id) {
    return raftOverIpv6 ? "'[" + nodeIp6(id, 0) + "]:" + ClusterLab.RAFT_PORT + "'" : ClusterLab.raftAddress(id);
  }

  List<LabVip> vips() {
    return vips;
  }

  /** @return the first VIP: the one {@link ClusterLab#timeline} and {@link ClusterLab#probe()} follow */
  LabVip primary() {
    return vips.get(0);
  }

  /** @return how many links (eth0, eth1, ...) the nodes need */
  int links() {
    return vips.stream().mapToInt(LabVip::link).max().orElse(0) + 1;
  }

  /** @return whether the links carry IPv6 addresses too */
  boolean ipv6() {
    return vips.stream().anyMatch(LabVip::ipv6);
  }

  /** @return the {@code vips:} entries of a node's YAML, one line each */
  String yaml() {
    return vips.stream().map(v -> "  - { address: '" + v.address() + "', interface: " + v.iface() + " }")
        .collect(Collectors.joining("\n"));
  }

  /** @return node {@code id}'s ("nK") IPv4 address on link {@code link}, 10.213.(7+link).(10+K) */
  static String nodeIp4(String id, int link) {
    return "10.213." + (7 + link) + "." + hostPart(id);
  }

  /** @return node {@code id}'s IPv6 address on link {@code link}, fd00:213:(7+link)::(10+K) */
  static String nodeIp6(String id, int link) {
    return "fd00:213:" + (7 + link) + "::" + hostPart(id);
  }

  /** @return the IPv4 and, in an IPv6 layout, IPv6 address of host part {@code host} on {@code link}, with prefix */
  List<String> hostAddresses(int host, int link) {
    final String v4 = "10.213." + (7 + link) + "." + host + "/24";
    return ipv6() ? List.of(v4, "fd00:213:" + (7 + link) + "::" + host + "/64") : List.of(v4);
  }

  /** @return the host part of node {@code id}'s addresses: 10 + K for "nK" */
  static int hostPart(String id) {
    return 10 + Integer.parseInt(id.substring(1));
  }

  @Override
  public String toString() {
    return "VIPs " + vips + (raftOverIpv6 ? ", Raft over IPv6" : "");
  }
}
