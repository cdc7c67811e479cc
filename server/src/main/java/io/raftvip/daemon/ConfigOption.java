package io.raftvip.daemon;

import io.raftvip.config.ConfigException;
import io.raftvip.config.ConfigLoader;
import io.raftvip.config.RaftvipConfig;
import io.raftvip.config.SystemInterfaceChecker;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --config FILE} option shared by every command, and loading it. */
final class ConfigOption {

  @Option(names = {"-c", "--config"}, paramLabel = "FILE", defaultValue = "/etc/raftvip/raftvip.yaml",
      description = "configuration file (default: ${DEFAULT-VALUE})")
  Path file;

  RaftvipConfig load() throws ConfigException {
    return new ConfigLoader(new SystemInterfaceChecker()).load(file);
  }

  static String describe(ConfigException e) {
    final StringBuilder b = new StringBuilder("raftvip: invalid configuration:");
    e.problems().forEach(p -> b.append(System.lineSeparator()).append("  ").append(p));
    return b.toString();
  }
}
