package io.raftvip.daemon;

import io.raftvip.config.ConfigException;
import io.raftvip.config.EffectiveConfigPrinter;
import io.raftvip.config.RaftvipConfig;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code raftvip check}: validates the configuration and prints the effective one (stdout). Then
 * warns, on stderr and without changing the exit status, when this node's own Raft address is not
 * an address of this host, and compares the file's peers with the Raft membership the daemon running
 * here reports (or says why it could not).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Validate the configuration and the interfaces; print the effective configuration.",
        "Warn (stderr, exit status unchanged) when this node's Raft address is not an address of this host,",
        "or when the peers differ from the Raft membership the daemon running here reports."})
final class CheckCommand implements Callable<Integer> {

  /** How long the running daemon may take to answer; it answers status from memory. */
  static final Duration DAEMON_TIMEOUT = Duration.ofSeconds(3);

  @Mixin
  ConfigOption config;

  @Override
  public Integer call() {
    final RaftvipConfig c;
    try {
      c = config.load();
    } catch (ConfigException e) {
      System.err.println(ConfigOption.describe(e));
      return ExitStatus.INVALID.code();
    }
    System.out.print(new EffectiveConfigPrinter().print(c));
    System.out.flush();
    new OwnAddressCheck().warning(c.self()).ifPresent(w -> System.err.println("raftvip: warning: " + w));
    System.err.println(new MembershipComparison(c, config.file)
        .against(() -> LocalDaemon.status(c.admin().socket(), DAEMON_TIMEOUT)).line());
    return ExitStatus.OK.code();
  }
}
