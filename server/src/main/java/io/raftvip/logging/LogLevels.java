package io.raftvip.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets Logback levels at run time, e.g. from the {@code log} section of the configuration. All
 * names are checked before any level changes, so a typo leaves the logging as it was.
 */
public final class LogLevels {

  private static final Logger log = LoggerFactory.getLogger(LogLevels.class);

  /** The accepted level names, case-insensitive. */
  public static final List<String> NAMES = List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF");

  private final LoggerContext context;
  /** Each logger's level before this first set it, so a reload can put it back. */
  private final Map<String, Optional<Level>> originals = new ConcurrentHashMap<>();

  /** Acts on the Logback context SLF4J is bound to. */
  public LogLevels() {
    this(boundContext());
  }

  /** Acts on {@code context}; for tests. */
  public LogLevels(LoggerContext context) {
    this.context = context;
  }

  /**
   * Sets the root level and per-logger levels.
   *
   * @param rootLevel e.g. {@code "info"}; {@code null} keeps the current root level
   * @param loggers logger name (a package or class, e.g. {@code org.apache.ratis}) to level name
   * @throws IllegalArgumentException naming the logger and the value if a level name is unknown;
   *     nothing is changed then
   */
  public void apply(String rootLevel, Map<String, String> loggers) {
    Level root = rootLevel == null ? null : parse(org.slf4j.Logger.ROOT_LOGGER_NAME, rootLevel);
    Map<String, Level> parsed = new LinkedHashMap<>();
    loggers.forEach((name, level) -> parsed.put(name, parse(name, level)));

    if (root != null) {
      context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).setLevel(root);
    }
    parsed.forEach((name, level) -> {
      final ch.qos.logback.classic.Logger logger = context.getLogger(name);
      originals.putIfAbsent(name, Optional.ofNullable(logger.getLevel()));
      logger.setLevel(level);
    });
    if (root != null || !parsed.isEmpty()) {
      log.info("log levels: root {}, loggers {}", root == null ? "unchanged" : root, parsed);
    }
  }

  /**
   * Puts loggers a reloaded configuration no longer lists back to the level they had before
   * {@link #apply} first set them (logback.xml's, or none: their parent's). Loggers never set
   * here are left alone.
   *
   * @param loggers logger names
   */
  public void restore(Collection<String> loggers) {
    for (String name : loggers) {
      final Optional<Level> original = originals.remove(name);
      if (original != null) {
        context.getLogger(name).setLevel(original.orElse(null));
        log.info("log levels: logger {} back to {}", name, original.map(Level::toString).orElse("its parent's level"));
      }
    }
  }

  /**
   * Parses a level name.
   *
   * @param logger the logger it is meant for, named in the error
   * @throws IllegalArgumentException if {@code value} is not one of {@link #NAMES}
   */
  static Level parse(String logger, String value) {
    String upper = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
    if (!NAMES.contains(upper)) {
      throw new IllegalArgumentException("log level '" + value + "' for logger '" + logger
          + "': must be one of " + String.join(", ", NAMES) + " (any case)");
    }
    return Level.toLevel(upper);
  }

  private static LoggerContext boundContext() {
    ILoggerFactory factory = LoggerFactory.getILoggerFactory();
    if (factory instanceof LoggerContext context) {
      return context;
    }
    throw new IllegalStateException(
        "log levels: SLF4J is bound to " + factory.getClass().getName() + ", not Logback");
  }
}
