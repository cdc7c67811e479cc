package io.raftvip.daemon;

import io.raftvip.logging.JulBridge;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code raftvip}: the daemon's command line. Exit codes are those of {@link ExitStatus}.
 */
@Command(name = "raftvip", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Floating virtual IP manager: the Raft leader owns the VIP.",
    subcommands = {RunCommand.class, CheckCommand.class, ReleaseCommand.class},
    footer = {"", "Exit codes:", "  0  success", "  1  runtime failure (see the log)",
        "  2  invalid configuration or usage"})
public final class Main implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    JulBridge.install();
    final CommandLine cli = new CommandLine(new Main());
    cli.setExitCodeExceptionMapper(e -> ExitStatus.FAILURE.code());
    cli.setParameterExceptionHandler((ex, a) -> {
      cli.getErr().println("raftvip: " + ex.getMessage());
      ex.getCommandLine().usage(cli.getErr());
      return ExitStatus.INVALID.code();
    });
    System.exit(cli.execute(args));
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, check or release");
  }
}
