package io.raftvip.config;

import io.raftvip.net.Vip;
import java.net.InetAddress;
import java.util.Objects;

/**
 * One virtual IP from the config.
 *
 * @param address the VIP, IPv4 or IPv6; bound as /32 or /128
 * @param interfaceName the interface to bind it on, e.g. {@code end0}
 */
public record VipConfig(InetAddress address, String interfaceName) {

  public VipConfig {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(interfaceName, "interfaceName");
  }

  /** @return the VIP as the network layer takes it */
  public Vip toVip() {
    return new Vip(address, interfaceName);
  }
}
