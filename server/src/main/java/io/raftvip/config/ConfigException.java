package io.raftvip.config;

import java.util.List;

/**
 * The configuration cannot be used. The message holds every problem found, one per line, each
 * naming the key path, the offending value and the rule; no parser internals.
 */
public final class ConfigException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String source;
  private final List<String> problems;

  /**
   * @param source the file (or other source) the problems are in
   * @param problems one line each; not empty
   */
  public ConfigException(String source, List<String> problems) {
    super(String.join("\n", problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigException needs at least one problem");
    }
    this.source = source;
    this.problems = List.copyOf(problems);
  }

  /** @return the file name or other source given to the loader */
  public String source() {
    return source;
  }

  /** @return every problem, one line each, in file order where practical */
  public List<String> problems() {
    return problems;
  }
}
