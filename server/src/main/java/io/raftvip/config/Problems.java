package io.raftvip.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem of one config file, so the operator sees them all at once. */
final class Problems {

  private final List<String> lines = new ArrayList<>();

  /**
   * @param path the key path, e.g. {@code peers[1].id}; empty for a file-level problem
   * @param message the value and the rule it breaks
   */
  void add(String path, String message) {
    lines.add(path.isEmpty() ? message : path + ": " + message);
  }

  boolean isEmpty() {
    return lines.isEmpty();
  }

  int size() {
    return lines.size();
  }

  List<String> list() {
    return List.copyOf(lines);
  }
}
