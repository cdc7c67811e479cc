package io.raftvip.cluster;

import io.raftvip.raft.PeerSpec;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the {@code peers} of a configuration file differ from the Raft membership. {@code peers}
 * only seeds a fresh cluster (afterwards the Raft log rules membership), so raftvip runs on with
 * a drifted file; but a node whose storage is lost, or a new node started from a copy of the
 * file, would ask and seed the wrong members. Shown by {@code raftvipctl status} and
 * {@code raftvip check}, so the file can follow {@code member add} and {@code member remove}.
 *
 * @param configFile the file compared
 * @param unlistedMembers members the file lacks, as "ID (HOST:PORT)"
 * @param listedNonMembers peers the file lists that are not members, as "ID (HOST:PORT)"
 * @param differing members the file lists with another address or priority
 */
public record ConfigDrift(String configFile, List<String> unlistedMembers, List<String> listedNonMembers,
                          List<String> differing) {

  public ConfigDrift {
    unlistedMembers = List.copyOf(unlistedMembers);
    listedNonMembers = List.copyOf(listedNonMembers);
    differing = List.copyOf(differing);
  }

  /**
   * @param peers the file's peers
   * @param members the Raft membership; empty when this node is no member (yet), which tells nothing
   * @return the drift, empty when they match or there is no membership to compare with
   */
  public static Optional<ConfigDrift> between(String configFile, List<PeerSpec> peers, List<PeerSpec> members) {
    if (members.isEmpty()) {
      return Optional.empty();
    }
    final Map<String, PeerSpec> listed = byId(peers);
    final Map<String, PeerSpec> current = byId(members);
    final List<String> unlisted = new ArrayList<>();
    final List<String> differing = new ArrayList<>();
    for (PeerSpec m : current.values()) {
      final PeerSpec p = listed.get(m.id());
      if (p == null) {
        unlisted.add(m.id() + " (" + m.address() + ")");
      } else if (!sameAddress(p.address(), m.address())) {
        differing.add(m.id() + ": address " + p.address() + " in the file, " + m.address() + " in Raft");
      } else if (p.priority() != m.priority()) {
        differing.add(m.id() + ": priority " + p.priority() + " in the file, " + m.priority() + " in Raft");
      }
    }
    final List<String> nonMembers = listed.values().stream().filter(p -> !current.containsKey(p.id()))
        .map(p -> p.id() + " (" + p.address() + ")").toList();
    if (unlisted.isEmpty() && nonMembers.isEmpty() && differing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new ConfigDrift(configFile, unlisted, nonMembers, differing));
  }

  /**
   * @return one line for people, e.g. "peers in /etc/raftvip/raftvip.yaml lack n4 (10.4.0.13:7420),
   *     a member; list n1 (10.4.0.10:7420), not a member; make them match `raftvipctl members`"
   */
  public String message() {
    final List<String> parts = new ArrayList<>();
    if (!unlistedMembers.isEmpty()) {
      parts.add("lack " + String.join(", ", unlistedMembers) + (unlistedMembers.size() == 1 ? ", a member" : ", members"));
    }
    if (!listedNonMembers.isEmpty()) {
      parts.add("list " + String.join(", ", listedNonMembers)
          + (listedNonMembers.size() == 1 ? ", not a member" : ", not members"));
    }
    if (!differing.isEmpty()) {
      parts.add("differ for " + String.join("; ", differing));
    }
    return "peers in " + configFile + " " + String.join("; ", parts) + "; make them match `raftvipctl members`"
        + " (a node started afresh from this file would seed the wrong members)";
  }

  private static Map<String, PeerSpec> byId(List<PeerSpec> specs) {
    final Map<String, PeerSpec> map = new LinkedHashMap<>();
    specs.forEach(s -> map.put(s.id(), s));
    return map;
  }

  /** Same HOST:PORT, IP literals compared as addresses ("[fd00:0::1]:7420" is "[fd00::1]:7420"). */
  static boolean sameAddress(String a, String b) {
    return normal(a).equals(normal(b));
  }

  private static String normal(String hostPort) {
    final int colon = hostPort.lastIndexOf(':');
    if (colon <= 0) {
      return hostPort.toLowerCase(Locale.ROOT);
    }
    String host = hostPort.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.contains(":") || host.matches("[0-9.]+")) {
      try {
        host = InetAddress.getByName(host).getHostAddress(); // a literal: no name lookup
      } catch (UnknownHostException e) {
        // not a valid literal after all: compare the text
      }
    }
    return host.toLowerCase(Locale.ROOT) + hostPort.substring(colon);
  }
}
