package io.raftvip.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads {@code logging}: a root level and per-logger levels. */
final class LoggingReader {

  static final List<String> LEVELS = List.of("error", "warn", "info", "debug", "trace");
  private static final List<String> KEYS = List.of("level", "loggers");
  private static final Pattern LOGGER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$.-]*");

  /** @return the log levels, defaults for absent keys; null when invalid (reported) */
  LoggingConfig read(ConfigNode key) {
    LoggingConfig d = LoggingConfig.defaults();
    if (key.isAbsent()) {
      return d;
    }
    if (!key.mapping(KEYS, "{ level: info, loggers: { io.raftvip.raft: debug } }")) {
      return null;
    }
    ConfigNode levelKey = key.child("level");
    String level = levelKey.isAbsent() ? d.level() : level(levelKey);
    Map<String, String> loggers = loggers(key.child("loggers"));
    return level != null && loggers != null ? new LoggingConfig(level, loggers) : null;
  }

  private static Map<String, String> loggers(ConfigNode key) {
    Map<String, String> loggers = new LinkedHashMap<>();
    if (key.isAbsent()) {
      return loggers;
    }
    List<String> names = key.keys("{ io.raftvip.raft: debug }");
    if (names == null) {
      return null;
    }
    boolean ok = true;
    for (String name : names) {
      ConfigNode levelKey = key.child(name);
      if (!LOGGER.matcher(name).matches()) {
        levelKey.problem("is not a logger name (a Java package or class, e.g. io.raftvip.raft)");
        ok = false;
        continue;
      }
      String level = level(levelKey);
      if (level == null) {
        ok = false;
      } else {
        loggers.put(name, level);
      }
    }
    return ok ? loggers : null;
  }

  private static String level(ConfigNode key) {
    String level = key.string();
    if (level == null) {
      return null;
    }
    if (!LEVELS.contains(level)) {
      key.problem("'" + level + "' is not a log level; use one of " + String.join(", ", LEVELS));
      return null;
    }
    return level;
  }
}
