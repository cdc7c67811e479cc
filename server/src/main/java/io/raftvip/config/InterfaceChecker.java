package io.raftvip.config;

import java.util.List;

/**
 * Tells the loader which network interfaces exist, so a VIP on a missing interface (eth0 on a
 * Raspberry Pi that has end0) fails at config time, with the names that do exist.
 */
@FunctionalInterface
public interface InterfaceChecker {

  /**
   * @return the names of this host's (this network namespace's) interfaces, up or down
   * @throws java.io.UncheckedIOException when they cannot be listed
   */
  List<String> existingInterfaces();

  /**
   * An IPv6 VIP on an interface whose IPv6 is disabled can never be bound: the owner would fail
   * at every takeover, and take the other VIPs of the group down with it (all or none).
   *
   * @param name an existing interface
   * @return why no IPv6 address can be bound on it (IPv6 disabled there or on the whole host),
   *         or null when it can or this checker cannot tell
   */
  default String ipv6Unavailable(String name) {
    return null;
  }
}
