package io.raftvip.daemon;

import io.raftvip.config.ConfigException;
import io.raftvip.config.EffectiveConfigPrinter;
import io.raftvip.config.RaftvipConfig;
import io.raftvip.logging.LogLevels;
import io.raftvip.raft.TimingMismatchException;
import io.raftvip.reload.HangupSignal;
import io.raftvip.tls.NodeTls;
import io.raftvip.tls.OwnCertificateCheck;
import io.raftvip.tls.TlsException;
import io.raftvip.tls.TlsMaterial;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code raftvip run}: the daemon, until SIGTERM/SIGINT; SIGHUP reloads the configuration. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run the daemon.")
final class RunCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

  @Mixin
  ConfigOption config;

  @Override
  public Integer call() throws Exception {
    final RaftvipConfig c;
    try {
      c = config.load();
    } catch (ConfigException e) {
      System.err.println(ConfigOption.describe(e));
      return ExitStatus.INVALID.code();
    }
    final LogLevels levels = new LogLevels();
    levels.apply(c.logging().level(), c.logging().loggers());
    LOG.info("{}: effective configuration from {}:\n{}", c.node(), config.file,
        new EffectiveConfigPrinter().print(c).stripTrailing());
    final NodeTls tls;
    try {
      tls = readTls(c);
    } catch (TlsException e) {
      LOG.error("{}: {}", c.node(), e.getMessage());
      return ExitStatus.INVALID.code();
    }
    // From here on SIGHUP reloads instead of stopping the JVM (its default).
    final LiveReload reload = new LiveReload(config.file.toString(), config::load, levels);
    HangupSignal.install(c.node(), reload::onHangup);
    final Daemon daemon;
    try {
      daemon = Daemon.start(c, config.file, Version.current(), tls, reload);
    } catch (TimingMismatchException e) {
      // A configuration error like any other (exit 2, which the unit does not restart), found by
      // asking the other members rather than by reading the file.
      LOG.error("{}", e.getMessage());
      return ExitStatus.INVALID.code();
    } catch (RuntimeException | java.io.IOException e) {
      LOG.error("{}: cannot start: {}", c.node(), e.getMessage(), e);
      return ExitStatus.FAILURE.code();
    }
    Runtime.getRuntime().addShutdownHook(new Thread(daemon::stop, "raftvip-shutdown"));
    daemon.awaitStopped();
    return ExitStatus.OK.code();
  }

  /**
   * @return the node's TLS from admin.tls, or null without; a certificate the other members would
   *     refuse is logged as an ERROR, not refused: {@code raftvip check} (the unit's ExecStartPre)
   *     is where a start is stopped, and a node whose certificate is wrong still serves its admin
   *     API to tell the operator so
   */
  private static NodeTls readTls(RaftvipConfig c) throws TlsException {
    if (c.admin().tls() == null) {
      return null;
    }
    final var f = c.admin().tls();
    final TlsMaterial material = TlsMaterial.read(new TlsMaterial.Files(f.cert(), f.key(), f.ca()));
    final List<String> problems = OwnCertificateCheck.problems(material, c.node(), c.self().host(), Instant.now());
    problems.forEach(p -> LOG.error("{}: {}", c.node(), p));
    return NodeTls.of(material);
  }
}
