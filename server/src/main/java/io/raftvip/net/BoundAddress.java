package io.raftvip.net;

import java.net.InetAddress;

/**
 * An address as the kernel reports it on an interface.
 *
 * @param address the address
 * @param prefixLength its prefix length
 * @param interfaceName the interface name (resolved from the index when reported)
 * @param interfaceIndex the kernel interface index
 * @param ours whether it carries raftvip's marker (IFA_PROTO or label), i.e. a VIP a raftvip process added
 */
public record BoundAddress(InetAddress address, int prefixLength, String interfaceName,
                           int interfaceIndex, boolean ours) {

  /** @return true if this is the given VIP (same address, host prefix, same interface) */
  public boolean matches(Vip vip) {
    return address.equals(vip.address()) && prefixLength == vip.prefixLength()
        && interfaceName.equals(vip.interfaceName());
  }
}
