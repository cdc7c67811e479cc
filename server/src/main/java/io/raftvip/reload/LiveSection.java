package io.raftvip.reload;

import io.raftvip.config.ConfigDiff;
import io.raftvip.config.RaftvipConfig;

/**
 * Applies one live part of a reloaded configuration to the running daemon: the VIPs, the log
 * levels, the admin allow-list, later the health checks. Sections are called in registration
 * order, on the reload thread, after the new file was read and checked whole, and only when
 * {@link ConfigDiff} says something differs; each looks at its own keys.
 */
public interface LiveSection {

  /** @return the configuration keys this section applies, for messages ("vips, announce") */
  String keys();

  /**
   * @param diff what differs between the running configuration and the new file
   * @param next the new file's configuration
   * @return a short description of what changed here ("vips +10.0.0.2"), or "" when nothing did
   * @throws RuntimeException when applying failed; the reload then says so and goes on with the
   *     next section
   */
  String apply(ConfigDiff diff, RaftvipConfig next);
}
