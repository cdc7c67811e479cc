package io.raftvip.config;

import static io.raftvip.config.DurationFormat.format;

import java.time.Duration;
import java.util.List;

/**
 * Reads {@code health}: the round timing, the hysteresis and hand-over settings, and the checks
 * (each read by {@link CheckReader}). Absent means no health gating; present means at least one
 * check, since a section without checks would gate on nothing and look as if it did.
 */
final class HealthReader {

  private static final List<String> KEYS =
      List.of("interval", "timeout", "fall", "rise", "hold-down", "preempt", "checks");
  private static final String EXAMPLE = "{ interval: 2s, checks: [...] }";
  private static final String CHECK_EXAMPLE =
      "- { name: apiserver, kind: http, url: https://127.0.0.1:6443/readyz, insecure: true }";
  /** Every check is a thread and a probe each round; more than this is a mistake, not a need. */
  static final int MAX_CHECKS = 16;

  /** @return the health settings; null when absent (no gating) or invalid (reported) */
  HealthConfig read(ConfigNode key) {
    if (key.isAbsent() || !key.mapping(KEYS, EXAMPLE)) {
      return null;
    }
    Duration interval = duration(key.child("interval"), HealthConfig.DEFAULT_INTERVAL,
        Duration.ofMillis(100), Duration.ofMinutes(1));
    Duration timeout = duration(key.child("timeout"), HealthConfig.DEFAULT_TIMEOUT,
        Duration.ofMillis(10), Duration.ofMinutes(1));
    Integer fall = count(key.child("fall"), HealthConfig.DEFAULT_FALL,
        "consecutive failing rounds before this node counts as unhealthy");
    Integer rise = count(key.child("rise"), HealthConfig.DEFAULT_RISE,
        "consecutive passing rounds before this node counts as healthy");
    Duration holdDown = duration(key.child("hold-down"), HealthConfig.DEFAULT_HOLD_DOWN,
        Duration.ZERO, Duration.ofHours(1));
    ConfigNode preemptKey = key.child("preempt");
    Boolean preempt = preemptKey.isAbsent() ? Boolean.FALSE : preemptKey.bool();
    if (interval != null && timeout != null && timeout.compareTo(interval) >= 0) {
      key.child("timeout").problem(format(timeout)
          + (key.child("timeout").isAbsent() ? " (the default)" : "")
          + " must be shorter than health.interval (" + format(interval)
          + (key.child("interval").isAbsent() ? ", the default" : "")
          + "): every check of a round must end before the next round starts");
      timeout = null;
    }
    List<CheckConfig> checks = checks(key.child("checks")); // after the settings: file order
    boolean ok = interval != null && timeout != null && fall != null && rise != null
        && holdDown != null && preempt != null && checks != null;
    return ok ? new HealthConfig(interval, timeout, fall, rise, holdDown, preempt, checks) : null;
  }

  private static List<CheckConfig> checks(ConfigNode key) {
    if (key.isAbsent()) {
      key.problem("is required when health is given (at least one check, e.g. " + CHECK_EXAMPLE
          + "); remove the health section to run without health gating");
      return null;
    }
    List<ConfigNode> entries = key.list(CHECK_EXAMPLE);
    if (entries == null) {
      return null;
    }
    if (entries.isEmpty() || entries.size() > MAX_CHECKS) {
      key.problem("has " + entries.size() + " checks; give 1.." + MAX_CHECKS
          + (entries.isEmpty() ? ", e.g. " + CHECK_EXAMPLE
              + ", or remove the health section to run without health gating" : ""));
      return null;
    }
    return new CheckReader().read(entries);
  }

  private static Duration duration(ConfigNode key, Duration fallback, Duration min, Duration max) {
    if (key.isAbsent()) {
      return fallback;
    }
    Duration value = key.duration();
    if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
      key.problem(format(value) + " must be between " + format(min) + " and " + format(max));
      return null;
    }
    return value;
  }

  private static Integer count(ConfigNode key, int fallback, String rule) {
    return key.isAbsent() ? Integer.valueOf(fallback) : key.integer(1, 100, rule);
  }
}
