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
}
