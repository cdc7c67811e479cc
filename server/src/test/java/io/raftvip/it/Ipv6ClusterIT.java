package io.raftvip.it;

/** {@link VipGroupClusterTests} with an IPv6 VIP (fd00:213:7::100 on eth0). */
class Ipv6ClusterIT extends VipGroupClusterTests {

  @Override
  LabLayout layout() {
    return LabLayout.IPV6;
  }
}
