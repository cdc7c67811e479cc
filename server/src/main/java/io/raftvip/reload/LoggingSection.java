package io.raftvip.reload;

import io.raftvip.config.ConfigDiff;
import io.raftvip.config.LoggingConfig;
import io.raftvip.config.RaftvipConfig;
import io.raftvip.logging.LogLevels;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code logging}: the new root and per-logger levels; a logger no longer listed goes back to
 * the level it had before the configuration first set it (logback.xml's, or its parent's).
 */
public final class LoggingSection implements LiveSection {

  private final LogLevels levels;
  private LoggingConfig current;

  /** @param levels the daemon's log levels; @param current the levels applied at start */
  public LoggingSection(LogLevels levels, LoggingConfig current) {
    this.levels = levels;
    this.current = current;
  }

  @Override
  public String keys() {
    return "logging";
  }

  @Override
  public String apply(ConfigDiff diff, RaftvipConfig next) {
    if (!diff.changed("logging")) {
      return "";
    }
    final LoggingConfig wanted = next.logging();
    final Set<String> dropped = new HashSet<>(current.loggers().keySet());
    dropped.removeAll(wanted.loggers().keySet());
    levels.restore(dropped);
    levels.apply(wanted.level(), wanted.loggers());
    current = wanted;
    return diff.change("logging").orElseThrow().toString();
  }
}
