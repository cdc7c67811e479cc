package io.raftvip.it;

import io.raftvip.testing.Netns;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A namespace's neighbour cache (ARP and NDP) as {@code ip neigh} shows it, and an interface's
 * MAC: to see whether a gratuitous ARP or an unsolicited Neighbor Advertisement reached a host.
 */
final class NeighbourCache {

  /** An entry: the link-layer address (null when the entry has none, e.g. FAILED) and NUD state. */
  record Entry(String lladdr, String state) {
  }

  private static final Pattern ENTRY = Pattern.compile("^\\S+\\s+(?:lladdr\\s+(\\S+)\\s+)?(?:\\S+\\s+)*?([A-Z]+)\\s*$");

  private NeighbourCache() {
  }

  /** @return {@code ns}'s entry for {@code ip} on {@code iface}, or null when it has none */
  static Entry entry(Netns ns, String ip, String iface) {
    final String out = ns.exec("ip", "neigh", "show", "to", ip, "dev", iface).trim();
    if (out.isEmpty()) {
      return null;
    }
    // e.g. "10.213.7.100 lladdr 3a:1f:0c:aa:bb:cc STALE" (with "dev X" left out: it was asked for)
    final Matcher m = ENTRY.matcher(out.lines().findFirst().orElse(""));
    if (!m.find()) {
      throw new IllegalStateException("cannot read ip neigh output: " + out);
    }
    return new Entry(m.group(1), m.group(2));
  }

  /**
   * Sets {@code ns}'s entry for {@code ip} to {@code mac} in state STALE, as a host has it that
   * talked to the VIP a while ago. A STALE entry is not probed until traffic uses it, so a host
   * that sends nothing keeps it until an announcement overrides it.
   */
  static void seedStale(Netns ns, String ip, String iface, String mac) {
    ns.exec("ip", "neigh", "replace", ip, "lladdr", mac, "dev", iface, "nud", "stale");
  }

  /** @return the MAC of {@code iface} in {@code ns}, e.g. "3a:1f:0c:aa:bb:cc" */
  static String mac(Netns ns, String iface) {
    return ns.exec("cat", "/sys/class/net/" + iface + "/address").trim();
  }
}
