package io.raftvip.it;

/** {@link VipGroupClusterTests} with two IPv4 VIPs on two interfaces, each on its own bridge (10.213.7.100 on eth0, 10.213.8.100 on eth1). */
class TwoInterfaceClusterIT extends VipGroupClusterTests {

  @Override
  LabLayout layout() {
    return LabLayout.TWO_LINKS;
  }
}
