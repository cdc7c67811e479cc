package io.raftvip.daemon;

import io.raftvip.config.PeerConfig;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * {@code raftvip check}'s warning when this node's own Raft address (the host of its {@code peers}
 * entry) is not an address of this host: the daemon listens for Raft there, and could not. A
 * warning only, never an error: a configuration may be prepared on another machine.
 */
final class OwnAddressCheck {

  /** Lists this host's addresses: the test seam. */
  interface HostAddresses {
    List<InetAddress> list();
  }

  /** Resolves a host name (or parses a literal): the test seam. */
  interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;
  }

  private final HostAddresses host;
  private final Resolver resolver;

  /** Checks against this host's interfaces and its name service. */
  OwnAddressCheck() {
    this(OwnAddressCheck::interfaceAddresses, name -> Arrays.asList(InetAddress.getAllByName(name)));
  }

  OwnAddressCheck(HostAddresses host, Resolver resolver) {
    this.host = host;
    this.resolver = resolver;
  }

  /** @return the warning for {@code self}, the node's own peers entry; empty when its host is here */
  Optional<String> warning(PeerConfig self) {
    final List<InetAddress> here = host.list();
    final List<InetAddress> wanted;
    try {
      wanted = resolver.resolve(self.host());
    } catch (UnknownHostException e) {
      return Optional.of("this node's Raft address " + self.address() + " (its peers entry, id " + self.id()
          + ") does not resolve here, so the daemon could not listen on it; this host has "
          + text(here) + " (fine if this file is meant for another host)");
    }
    if (wanted.stream().anyMatch(here::contains)) {
      return Optional.empty();
    }
    final String resolved = wanted.size() == 1 && text(wanted.get(0)).equals(self.host()) ? ""
        : " (" + text(wanted) + ")";
    return Optional.of("this node's Raft address " + self.address() + resolved + " (its peers entry, id " + self.id()
        + ") is not an address of this host, so the daemon could not listen on it; this host has "
        + text(here) + " (fine if this file is meant for another host)");
  }

  private static String text(List<InetAddress> addresses) {
    return addresses.isEmpty() ? "no addresses"
        : String.join(", ", addresses.stream().map(OwnAddressCheck::text).toList());
  }

  /** @return the address as people write it: IPv6 compressed (RFC 5952), with its zone if any */
  static String text(InetAddress address) {
    if (!(address instanceof Inet6Address v6)) {
      return address.getHostAddress();
    }
    final byte[] b = v6.getAddress();
    final int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1; // a single zero group is not compressed
    for (int i = 0; i < 8; i++) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = Math.max(i, j);
    }
    final StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    // Java scopes every address of an interface; only a link-local one needs its zone to mean anything.
    final String zone = !v6.isLinkLocalAddress() ? "" : v6.getScopedInterface() != null
        ? v6.getScopedInterface().getName() : v6.getScopeId() != 0 ? Integer.toString(v6.getScopeId()) : "";
    return out + (zone.isEmpty() ? "" : "%" + zone);
  }

  private static List<InetAddress> interfaceAddresses() {
    try {
      return Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
          .flatMap(i -> Collections.list(i.getInetAddresses()).stream()).toList();
    } catch (SocketException e) {
      return List.of();
    }
  }
}
