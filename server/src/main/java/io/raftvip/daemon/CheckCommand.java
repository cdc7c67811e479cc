package io.raftvip.daemon;

import io.raftvip.config.ConfigException;
import io.raftvip.config.EffectiveConfigPrinter;
import io.raftvip.config.RaftvipConfig;
import java.time.Duration;
import io.raftvip.tls.OwnCertificateCheck;
import io.raftvip.tls.TlsException;
import io.raftvip.tls.TlsMaterial;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code raftvip check}: validates the configuration and, with admin.tls, this node's certificate
 * (readable, its key, naming this node's Raft address, valid now, chaining to the CA); prints the
 * effective configuration (stdout). Then warns, on stderr and without changing the exit status,
 * when this node's own Raft address is not an address of this host or an http health check's CA
 * file does not exist yet, and compares the file's peers
 * with the Raft membership the daemon running here reports (or says why it could not).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Validate the configuration, the interfaces and this node's TLS certificate; print the"
        + " effective configuration.",
        "Warn (stderr, exit status unchanged) when this node's Raft address is not an address of this host,",
        "when an http health check's CA file does not exist yet,",
        "or when the peers differ from the Raft membership the daemon running here reports."})
final class CheckCommand implements Callable<Integer> {

  /** How long the running daemon may take to answer; it answers status from memory. */
  static final Duration DAEMON_TIMEOUT = Duration.ofSeconds(3);

  @Mixin
  ConfigOption config;

  /** When certificates are checked; the system clock unless a test sets another. */
  Clock clock = Clock.systemUTC();

  @Override
  public Integer call() {
    final RaftvipConfig c;
    try {
      c = config.load();
    } catch (ConfigException e) {
      System.err.println(ConfigOption.describe(e));
      return ExitStatus.INVALID.code();
    }
    final List<String> problems = tlsProblems(c);
    if (!problems.isEmpty()) {
      final StringBuilder b = new StringBuilder("raftvip: this node's TLS certificate would be refused:");
      problems.forEach(p -> b.append(System.lineSeparator()).append("  ").append(p));
      System.err.println(b);
      return ExitStatus.INVALID.code();
    }
    System.out.print(new EffectiveConfigPrinter().print(c));
    System.out.flush();
    new OwnAddressCheck().warning(c.self()).ifPresent(w -> System.err.println("raftvip: warning: " + w));
    PendingCaCheck.warnings(c.health()).forEach(w -> System.err.println("raftvip: warning: " + w));
    System.err.println(new MembershipComparison(c, config.file)
        .against(() -> LocalDaemon.status(c.admin().socket(), DAEMON_TIMEOUT)).line());
    return ExitStatus.OK.code();
  }

  private List<String> tlsProblems(RaftvipConfig c) {
    if (c.admin().tls() == null) {
      return List.of();
    }
    final var f = c.admin().tls();
    try {
      final TlsMaterial m = TlsMaterial.read(new TlsMaterial.Files(f.cert(), f.key(), f.ca()));
      return new ArrayList<>(OwnCertificateCheck.problems(m, c.node(), c.self().host(), clock.instant()));
    } catch (TlsException e) {
      return List.of(e.getMessage());
    }
  }
}
