package io.raftvip.config;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads {@code peers}: 1..9 members with unique ids and unique addresses. */
final class PeersReader {

  /** A member id: also used in file names and metrics labels, so kept plain. */
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  static final int MAX_PEERS = 9;
  private static final List<String> KEYS = List.of("id", "address", "priority");
  private static final String EXAMPLE = "{ id: allyrion, address: 10.4.0.10:7420, priority: 1 }";

  private final List<String> ids = new ArrayList<>();
  private boolean complete;

  /** @return the peers; null when absent or invalid (reported) */
  List<PeerConfig> read(ConfigNode key) {
    if (key.isAbsent()) {
      key.problem("is required (the initial members, e.g. - " + EXAMPLE + ")");
      return null;
    }
    List<ConfigNode> entries = key.list("- " + EXAMPLE);
    if (entries == null) {
      return null;
    }
    if (entries.isEmpty() || entries.size() > MAX_PEERS) {
      key.problem("has " + entries.size() + " members; it must have 1 to " + MAX_PEERS
          + " (every decision waits for a majority, so more members only slow it down)");
    }
    complete = !entries.isEmpty();
    Map<String, String> idsSeen = new HashMap<>();
    Map<String, String> addressesSeen = new HashMap<>();
    List<PeerConfig> peers = new ArrayList<>();
    for (ConfigNode entry : entries) {
      PeerConfig peer = entry(entry, idsSeen, addressesSeen);
      if (peer != null) {
        peers.add(peer);
      }
    }
    return complete && peers.size() == entries.size() ? peers : null;
  }

  /** @return the ids of all entries that had a well-formed one, in file order */
  List<String> ids() {
    return ids;
  }

  /** @return true when the list was read and every entry had a well-formed id */
  boolean complete() {
    return complete;
  }

  private PeerConfig entry(ConfigNode entry, Map<String, String> idsSeen,
      Map<String, String> addressesSeen) {
    if (!entry.mapping(KEYS, EXAMPLE)) {
      complete = false;
      return null;
    }
    String id = id(entry.child("id"), idsSeen);
    HostPort address = address(entry.child("address"), addressesSeen);
    ConfigNode priorityKey = entry.child("priority");
    Integer priority = priorityKey.isAbsent() ? Integer.valueOf(0)
        : priorityKey.integer(0, 100, "a member of higher priority takes the VIP release-first when it can (with health checks: only with preempt: true)");
    if (id == null || address == null || priority == null) {
      return null;
    }
    return new PeerConfig(id, address.host(), address.port(), priority);
  }

  private String id(ConfigNode key, Map<String, String> seen) {
    String id = key.requiredString("the member id, e.g. allyrion");
    if (id == null || !ID.matcher(id).matches()) {
      if (id != null) {
        key.problem("'" + id + "' must match " + ID.pattern());
      }
      complete = false;
      return null;
    }
    ids.add(id);
    String first = seen.putIfAbsent(id, key.path());
    if (first != null) {
      key.problem("'" + id + "' is used twice (also " + first + "); member ids must be unique");
      return null;
    }
    return id;
  }

  private static HostPort address(ConfigNode key, Map<String, String> seen) {
    String text = key.requiredString("the Raft HOST:PORT, e.g. 10.4.0.10:7420");
    if (text == null) {
      return null;
    }
    HostPort address;
    try {
      address = HostPort.parse(text);
    } catch (IllegalArgumentException e) {
      key.problem(e.getMessage());
      return null;
    }
    String first = seen.putIfAbsent(canonical(address), key.path());
    if (first != null) {
      key.problem("'" + text + "' is used twice (also " + first
          + "); every member needs its own address");
      return null;
    }
    return address;
  }

  /** The same endpoint written two ways ({@code fd00::1}, {@code fd00:0::1}) is still one. */
  private static String canonical(HostPort address) {
    String host = address.host();
    if (host.contains(":") || host.matches("[0-9.]+")) {
      InetAddress ip = IpLiteral.parse(host);
      host = IpLiteral.format(ip);
    }
    return host.toLowerCase(Locale.ROOT) + "|" + address.port();
  }
}
