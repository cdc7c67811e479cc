package io.raftvip.reload;

import io.raftvip.config.ConfigDiff;
import io.raftvip.config.HealthConfig;
import io.raftvip.config.RaftvipConfig;
import java.util.function.Consumer;

/**
 * {@code health}, while it stays configured: the checks restart with the new settings and the
 * gate decides with the new preemption and hold-down. Turning it on or off needs a restart
 * ({@link ConfigDiff} names it).
 */
public final class HealthSection implements LiveSection {

  private final Consumer<HealthConfig> checks;

  /** @param checks replaces the running checks with a changed section's */
  public HealthSection(Consumer<HealthConfig> checks) {
    this.checks = checks;
  }

  @Override
  public String keys() {
    return "health";
  }

  @Override
  public String apply(ConfigDiff diff, RaftvipConfig next) {
    final var change = diff.change("health");
    if (change.isEmpty() || !change.get().live()) {
      return "";
    }
    checks.accept(next.health());
    return change.get().toString();
  }
}
