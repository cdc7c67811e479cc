package io.raftvip.net.netlink;

import io.raftvip.net.Vip;
import java.net.Inet6Address;

/**
 * How raftvip tags the addresses it adds, so a later process finds stale VIPs of ours and
 * leaves everybody else's alone.
 *
 * <ul>
 *   <li>Linux 6.1 and later: {@code IFA_PROTO = 0x52} ('R') on both families.</li>
 *   <li>Older kernels: IPv4 gets the label {@code <ifname>:rv} (the interface name cut to 12
 *       characters: labels hold 15). IPv6 has no labels, so there an address counts as ours
 *       when it is a /128 with both IFA_F_NODAD and IFA_F_NOPREFIXROUTE, the combination raftvip
 *       adds and that SLAAC, DHCPv6 and a plain {@code ip addr add} do not produce. A hand-made
 *       address with exactly those flags would be mistaken for ours.</li>
 * </ul>
 */
final class AddressMarker {

  /** The IFA_PROTO value raftvip sets: 'R'. */
  static final int PROTO = 0x52;
  static final String LABEL_SUFFIX = ":rv";
  private static final int IFNAMSIZ = 16;
  static final int IPV6_FLAGS = Rtnl.IFA_F_NODAD | Rtnl.IFA_F_NOPREFIXROUTE;

  private final boolean protoSupported;

  AddressMarker(boolean protoSupported) {
    this.protoSupported = protoSupported;
  }

  /** Chooses by kernel release, e.g. {@code "6.1.0-13-arm64"}: IFA_PROTO exists since 6.1. */
  static AddressMarker forKernelRelease(String release) {
    String[] parts = release.trim().split("[.-]");
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
      return new AddressMarker(major > 6 || (major == 6 && minor >= 1));
    } catch (NumberFormatException e) {
      return new AddressMarker(false);
    }
  }

  boolean protoSupported() {
    return protoSupported;
  }

  /** @return the IFA_PROTO value to send, or -1 to send none */
  int proto() {
    return protoSupported ? PROTO : -1;
  }

  /** @return the IFA_LABEL to send for this VIP, or null */
  String label(Vip vip) {
    if (protoSupported || !vip.isIpv4()) {
      return null;
    }
    String name = vip.interfaceName();
    int room = IFNAMSIZ - 1 - LABEL_SUFFIX.length();
    return (name.length() > room ? name.substring(0, room) : name) + LABEL_SUFFIX;
  }

  /** @return the IFA_F_* flags to send: NODAD and NOPREFIXROUTE for IPv6, none for IPv4 */
  int flags(Vip vip) {
    return vip.isIpv4() ? 0 : IPV6_FLAGS;
  }

  /** @return whether the kernel's address carries our marker */
  boolean isOurs(AddressMessage a) {
    if (a.proto() == PROTO) {
      return true;
    }
    if (protoSupported) {
      return false;
    }
    if (a.address() instanceof Inet6Address) {
      return a.prefixLength() == 128 && (a.flags() & IPV6_FLAGS) == IPV6_FLAGS;
    }
    return a.label() != null && a.label().endsWith(LABEL_SUFFIX);
  }
}
