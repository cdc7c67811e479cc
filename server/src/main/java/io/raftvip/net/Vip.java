package io.raftvip.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A virtual IP as raftvip binds it: one host address ({@code /32} for IPv4, {@code /128} for
 * IPv6) on one named interface. The same IP with another prefix length is a different kernel
 * address, so the prefix is never configurable.
 *
 * @param address the VIP
 * @param interfaceName the interface it is bound on, e.g. {@code end0}
 */
public record Vip(InetAddress address, String interfaceName) {

  public Vip {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(interfaceName, "interfaceName");
  }

  /** @return true for IPv4, false for IPv6 */
  public boolean isIpv4() {
    return address instanceof Inet4Address;
  }

  /** @return 32 for IPv4, 128 for IPv6 */
  public int prefixLength() {
    return isIpv4() ? 32 : 128;
  }

  /** @return the address as configured and as {@code ip addr} shows it, e.g. {@code 10.4.0.9} or {@code fd00::9} */
  public String addressText() {
    return AddressText.format(address);
  }

  /** @return e.g. {@code 10.4.0.9/32 dev end0} or {@code fd00::9/128 dev end0} — the form used in logs and errors */
  @Override
  public String toString() {
    return addressText() + "/" + prefixLength() + " dev " + interfaceName;
  }
}
