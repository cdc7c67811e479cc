package io.raftvip.config;

import java.util.List;
import java.util.Objects;

/**
 * A program run without a shell; exit status 0 is healthy.
 *
 * @param name the check's name
 * @param command the program (an absolute path: there is no PATH lookup) and its arguments
 */
public record ExecCheckConfig(String name, List<String> command) implements CheckConfig {

  public ExecCheckConfig {
    Objects.requireNonNull(name, "name");
    command = List.copyOf(command);
    if (command.isEmpty() || !command.get(0).startsWith("/")) {
      throw new IllegalArgumentException(name + ": the command must start with an absolute path");
    }
  }

  @Override
  public String kind() {
    return "exec";
  }
}
