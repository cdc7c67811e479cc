package io.raftvip.it;

/** {@link VipGroupClusterTests} with an IPv6 VIP (fd00:213:7::100 on eth0) and Raft over IPv6: no IPv4 in use. */
class Ipv6ClusterIT extends VipGroupClusterTests {

  @Override
  LabLayout layout() {
    return LabLayout.IPV6;
  }
}
