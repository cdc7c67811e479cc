package io.raftvip.config;

import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads {@code vips}: at least one address literal, each once, each on an interface this host
 * has. Interfaces are listed once, and only when a VIP names one.
 */
final class VipsReader {

  private static final List<String> KEYS = List.of("address", "interface");
  private static final String EXAMPLE = "{ address: 10.4.0.9, interface: end0 }";
  /** Linux IFNAMSIZ is 16 with the NUL; '/' and ':' (alias labels) are not real interfaces. */
  private static final Pattern INTERFACE = Pattern.compile("[^/:\\s]{1,15}");

  private final InterfaceChecker interfaces;
  private List<String> existing;
  private String listingFailure;

  VipsReader(InterfaceChecker interfaces) {
    this.interfaces = interfaces;
  }

  /** @return the VIPs; null when absent or invalid (reported) */
  List<VipConfig> read(ConfigNode key) {
    if (key.isAbsent()) {
      key.problem("is required (the virtual IPs, e.g. - " + EXAMPLE + ")");
      return null;
    }
    List<ConfigNode> entries = key.list("- " + EXAMPLE);
    if (entries == null) {
      return null;
    }
    if (entries.isEmpty()) {
      key.problem("is empty; it must list at least one VIP, e.g. - " + EXAMPLE);
      return null;
    }
    Map<InetAddress, String> seen = new HashMap<>();
    List<VipConfig> vips = new ArrayList<>();
    for (ConfigNode entry : entries) {
      if (!entry.mapping(KEYS, EXAMPLE)) {
        continue;
      }
      InetAddress address = address(entry.child("address"), seen);
      String name = interfaceName(entry.child("interface"));
      if (address != null && name != null && ipv6Bindable(address, name, entry.child("interface"))) {
        vips.add(new VipConfig(address, name));
      }
    }
    return vips.size() == entries.size() ? vips : null;
  }

  private static InetAddress address(ConfigNode key, Map<InetAddress, String> seen) {
    String text = key.requiredString("the virtual IP, e.g. 10.4.0.9");
    if (text == null) {
      return null;
    }
    InetAddress address;
    try {
      if (text.indexOf('/') >= 0) {
        throw new IllegalArgumentException("'" + text + "' must not have a prefix length:"
            + " a VIP is always bound as /32 (IPv6: /128); write " + text.substring(0, text.indexOf('/')));
      }
      address = IpLiteral.parse(text);
    } catch (IllegalArgumentException e) {
      key.problem(e.getMessage());
      return null;
    }
    if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isMulticastAddress()
        || text.equals("255.255.255.255")) {
      key.problem("'" + text + "' is an unspecified, loopback, multicast or broadcast address;"
          + " a VIP must be a unicast address other hosts can reach");
      return null;
    }
    String first = seen.putIfAbsent(address, key.path());
    if (first != null) {
      key.problem("'" + text + "' is used twice (also " + first + "); each VIP may appear once");
      return null;
    }
    return address;
  }

  private String interfaceName(ConfigNode key) {
    String name = key.requiredString("the interface to bind the VIP on, e.g. end0");
    if (name == null) {
      return null;
    }
    if (!INTERFACE.matcher(name).matches()) {
      key.problem("'" + name + "' is not a Linux interface name (1-15 characters, no '/', ':'"
          + " or spaces)");
      return null;
    }
    listInterfaces();
    if (listingFailure != null) {
      key.problem("cannot check '" + name + "': " + listingFailure);
      return null;
    }
    if (!existing.contains(name)) {
      key.problem("'" + name + "' not found; this host has: "
          + (existing.isEmpty() ? "(no interfaces)" : String.join(", ", existing)));
      return null;
    }
    return name;
  }

  /** @return false (reported) for an IPv6 VIP on an interface where IPv6 is disabled */
  private boolean ipv6Bindable(InetAddress address, String name, ConfigNode key) {
    if (!(address instanceof Inet6Address)) {
      return true;
    }
    String why = interfaces.ipv6Unavailable(name);
    if (why != null) {
      key.problem(why + ", so the IPv6 VIP " + IpLiteral.format(address)
          + " cannot be bound there; enable IPv6 on it or remove this VIP");
      return false;
    }
    return true;
  }

  private void listInterfaces() {
    if (existing != null || listingFailure != null) {
      return;
    }
    try {
      existing = List.copyOf(interfaces.existingInterfaces());
    } catch (UncheckedIOException e) {
      listingFailure = "cannot list network interfaces: " + e.getCause().getMessage();
    }
  }
}
