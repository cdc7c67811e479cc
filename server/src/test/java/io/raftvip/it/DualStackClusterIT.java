package io.raftvip.it;

/** {@link VipGroupClusterTests} with an IPv4 and an IPv6 VIP on the same interface (10.213.7.100 and fd00:213:7::100 on eth0). */
class DualStackClusterIT extends VipGroupClusterTests {

  @Override
  LabLayout layout() {
    return LabLayout.DUAL_STACK;
  }
}
