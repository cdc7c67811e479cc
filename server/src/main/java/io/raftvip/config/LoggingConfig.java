package io.raftvip.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Log levels.
 *
 * @param level the root level: {@code error}, {@code warn}, {@code info}, {@code debug} or
 *     {@code trace}
 * @param loggers per-logger levels by logger name (same level names), in file order
 */
public record LoggingConfig(String level, Map<String, String> loggers) {

  public LoggingConfig {
    Objects.requireNonNull(level, "level");
    // File order is kept so the effective config prints the way the operator wrote it.
    loggers = Collections.unmodifiableMap(new LinkedHashMap<>(loggers));
  }

  /** @return root level info, no per-logger levels */
  public static LoggingConfig defaults() {
    return new LoggingConfig("info", Map.of());
  }
}
