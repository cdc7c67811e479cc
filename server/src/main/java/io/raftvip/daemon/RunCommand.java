package io.raftvip.daemon;

import io.raftvip.config.ConfigException;
import io.raftvip.config.EffectiveConfigPrinter;
import io.raftvip.config.RaftvipConfig;
import io.raftvip.logging.LogLevels;
import io.raftvip.raft.TimingMismatchException;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code raftvip run}: the daemon, until SIGTERM/SIGINT. */
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
    new LogLevels().apply(c.logging().level(), c.logging().loggers());
    LOG.info("{}: effective configuration from {}:\n{}", c.node(), config.file,
        new EffectiveConfigPrinter().print(c).stripTrailing());
    final Daemon daemon;
    try {
      daemon = Daemon.start(c, config.file, Version.current());
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
}
