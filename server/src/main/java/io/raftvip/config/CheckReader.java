package io.raftvip.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the entries of {@code health.checks}: a unique name and a kind, and the keys of that
 * kind. A key of another kind is named as such, so {@code address} on an http check does not
 * read as a typo.
 */
final class CheckReader {

  static final List<String> KINDS = List.of("http", "tcp", "exec");
  private static final Map<String, List<String>> KIND_KEYS = Map.of(
      "http", List.of("url", "ca", "insecure", "server-name"),
      "tcp", List.of("address"),
      "exec", List.of("command"));
  private static final List<String> COMMON_KEYS = List.of("name", "kind");
  private static final String EXAMPLE = "{ name: etcd-port, kind: tcp, address: 127.0.0.1:2379 }";
  private static final Pattern NAME = Pattern.compile(CheckConfig.NAME_PATTERN);

  private final Map<String, String> names = new HashMap<>();

  /** @return the checks; null when any entry is invalid (reported) */
  List<CheckConfig> read(List<ConfigNode> entries) {
    List<CheckConfig> checks = new ArrayList<>();
    for (ConfigNode entry : entries) {
      CheckConfig check = entry(entry);
      if (check != null) {
        checks.add(check);
      }
    }
    return checks.size() == entries.size() ? checks : null;
  }

  private CheckConfig entry(ConfigNode entry) {
    List<String> present = entry.keys(EXAMPLE);
    if (present == null) {
      return null;
    }
    String name = name(entry.child("name"));
    String kind = kind(entry.child("kind"));
    boolean keysOk = allowedKeys(entry, present, kind);
    if (kind == null) {
      return null;
    }
    CheckConfig check = switch (kind) { // read on after a bad key: every problem in one pass
      case "http" -> new HttpCheckReader(entry).read(name);
      case "tcp" -> tcp(entry, name);
      default -> exec(entry, name);
    };
    return name == null || !keysOk ? null : check;
  }

  /** Reports keys of another kind with that kind named, and unknown keys as usual. */
  private static boolean allowedKeys(ConfigNode entry, List<String> present, String kind) {
    Set<String> allowed = new LinkedHashSet<>(COMMON_KEYS);
    if (kind == null) {
      KIND_KEYS.values().forEach(allowed::addAll); // the kind problem is the one worth reading
      return entry.mapping(List.copyOf(allowed), EXAMPLE);
    }
    allowed.addAll(KIND_KEYS.get(kind));
    List<String> otherKinds = new ArrayList<>();
    for (String key : present) {
      for (String other : KINDS) {
        if (!other.equals(kind) && KIND_KEYS.get(other).contains(key) && !allowed.contains(key)) {
          entry.child(key).problem("is a key of " + other + " checks, not of " + kind
              + " checks; allowed here: " + String.join(", ", allowed));
          otherKinds.add(key);
        }
      }
    }
    return entry.mapping(List.copyOf(allowed), otherKinds, EXAMPLE) && otherKinds.isEmpty();
  }

  private String name(ConfigNode key) {
    String name = key.requiredString("a unique name for logs, metrics and status, e.g. apiserver");
    if (name == null) {
      return null;
    }
    if (!NAME.matcher(name).matches()) {
      key.problem("'" + name + "' must match " + CheckConfig.NAME_PATTERN
          + " (lower-case letters, digits and '-', at most 32)");
      return null;
    }
    String first = names.putIfAbsent(name, key.path());
    if (first != null) {
      key.problem("'" + name + "' is used twice (also " + first + "); each check needs its own"
          + " name");
      return null;
    }
    return name;
  }

  private static String kind(ConfigNode key) {
    String kind = key.requiredString("one of " + String.join(", ", KINDS));
    if (kind != null && !KINDS.contains(kind)) {
      key.problem("unknown kind '" + kind + "'; known: " + String.join(", ", KINDS));
      return null;
    }
    return kind;
  }

  private static TcpCheckConfig tcp(ConfigNode entry, String name) {
    ConfigNode key = entry.child("address");
    String text = key.requiredString("where to connect, HOST:PORT, e.g. 127.0.0.1:2379");
    if (text == null) {
      return null;
    }
    try {
      HostPort address = HostPort.parse(text);
      return name == null ? null : new TcpCheckConfig(name, address);
    } catch (IllegalArgumentException e) {
      key.problem(e.getMessage());
      return null;
    }
  }

  private static ExecCheckConfig exec(ConfigNode entry, String name) {
    ConfigNode key = entry.child("command");
    String example = "[/usr/local/bin/check-cp, --quiet]";
    if (key.isAbsent()) {
      key.problem("is required (the program and its arguments, e.g. " + example + ")");
      return null;
    }
    List<ConfigNode> items = key.list(example);
    if (items == null) {
      return null;
    }
    if (items.isEmpty()) {
      key.problem("is empty; give the program and its arguments, e.g. " + example);
      return null;
    }
    List<String> command = new ArrayList<>();
    for (ConfigNode item : items) {
      String word = item.string();
      if (word == null) {
        return null;
      }
      command.add(word);
    }
    if (!command.get(0).startsWith("/")) {
      items.get(0).problem("'" + command.get(0) + "' must be an absolute path: the command runs"
          + " without a shell and without a PATH lookup, e.g. /usr/local/bin/" + command.get(0));
      return null;
    }
    return name == null ? null : new ExecCheckConfig(name, command);
  }
}
