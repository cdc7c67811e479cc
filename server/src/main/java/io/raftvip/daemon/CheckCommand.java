package io.raftvip.daemon;

import io.raftvip.config.ConfigException;
import io.raftvip.config.EffectiveConfigPrinter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code raftvip check}: validates the configuration and prints the effective one. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Validate the configuration and the interfaces; print the effective configuration.")
final class CheckCommand implements Callable<Integer> {

  @Mixin
  ConfigOption config;

  @Override
  public Integer call() {
    try {
      System.out.print(new EffectiveConfigPrinter().print(config.load()));
      return ExitStatus.OK.code();
    } catch (ConfigException e) {
      System.err.println(ConfigOption.describe(e));
      return ExitStatus.INVALID.code();
    }
  }
}
