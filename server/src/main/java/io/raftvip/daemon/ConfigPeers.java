package io.raftvip.daemon;

import io.raftvip.config.ConfigException;
import io.raftvip.config.ConfigLoader;
import io.raftvip.config.RaftvipConfig;
import io.raftvip.config.SystemInterfaceChecker;
import io.raftvip.raft.PeerSpec;
import java.nio.file.Path;
import java.util.List;

/** The {@code peers} of a configuration file, as Raft member specs, read as the daemon reads it. */
final class ConfigPeers {

  private ConfigPeers() {
  }

  /** @return the peers of {@code config} */
  static List<PeerSpec> of(RaftvipConfig config) {
    return config.peers().stream().map(p -> new PeerSpec(p.id(), p.address(), p.priority())).toList();
  }

  /**
   * @return the peers of the file
   * @throws ConfigException when it does not load, with every problem
   */
  static List<PeerSpec> read(Path file) throws ConfigException {
    return of(new ConfigLoader(new SystemInterfaceChecker()).load(file));
  }
}
