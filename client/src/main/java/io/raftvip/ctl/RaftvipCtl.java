package io.raftvip.ctl;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * raftvipctl, the admin CLI: parses the command line, runs one command against a node's admin
 * API, and turns every failure into one line on stderr and an {@link ExitCode}.
 */
@Command(name = "raftvipctl", scope = ScopeType.INHERIT, mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
    description = "Shows and changes a raftvip cluster through a node's admin API.",
    subcommands = {StatusCommand.class, OwnerCommand.class, MembersCommand.class, MemberCommand.class,
        TransferCommand.class, WatchCommand.class},
    footer = {"", "Environment:", "  " + Endpoint.ENV + "  the default --endpoint"})
public final class RaftvipCtl implements Callable<Integer> {
  private static final String PREFIX = "raftvipctl: ";

  @Mixin
  private final GlobalOptions options;

  @Spec
  private CommandSpec spec;

  private RaftvipCtl(GlobalOptions options) {
    this.options = options;
  }

  /** Runs raftvipctl with the process's arguments and environment and exits with its exit code. */
  public static void main(String[] args) {
    // grpc/netty log through java.util.logging; their warnings (e.g. "Unknown channel option
    // 'SO_KEEPALIVE'" on Unix sockets) are noise on a CLI's stderr, where failures get one line.
    java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    System.exit(run(args, System.getenv(), new AdminChannels(), out, err));
  }

  /** Runs one invocation; returns the exit code. Tests call this with an in-process channel. */
  static int run(String[] args, Map<String, String> env, ChannelOpener opener, PrintWriter out, PrintWriter err) {
    GlobalOptions options = new GlobalOptions();
    try (Session session = new Session(options, env, opener, out)) {
      return commandLine(options, session, out, err).execute(args);
    }
  }

  private static CommandLine commandLine(GlobalOptions options, Session session, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new RaftvipCtl(options), new CommandFactory(session));
    cli.setOut(out).setErr(err);
    FailureTranslator translator = new FailureTranslator(session);
    cli.setExecutionExceptionHandler((e, command, parseResult) -> {
      Failure failure = translator.translate(e);
      err.println(PREFIX + failure.message());
      err.flush();
      return failure.exitCode().code();
    });
    cli.setParameterExceptionHandler((e, args) -> {
      err.println(PREFIX + e.getMessage() + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName()
          + " --help')");
      err.flush();
      return ExitCode.USAGE.code();
    });
    withExitCodes(cli);
    return cli;
  }

  /** The same exit code table under every command's --help. */
  private static void withExitCodes(CommandLine cli) {
    cli.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.helpList());
    cli.getSubcommands().values().forEach(RaftvipCtl::withExitCodes);
  }

  /** Without a command there is nothing to do: a usage error. */
  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(),
        "missing command: status, owner, members, member add|remove, transfer or watch");
  }
}
