package io.raftvip.reload;

import io.raftvip.config.ConfigException;
import io.raftvip.config.RaftvipConfig;

/** Reads and validates the configuration file, as at start-up: the same strict rules. */
@FunctionalInterface
public interface ConfigSource {

  /**
   * @return the validated configuration
   * @throws ConfigException listing every problem of the file
   */
  RaftvipConfig read() throws ConfigException;
}
