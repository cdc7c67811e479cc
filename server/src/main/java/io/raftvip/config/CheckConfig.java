package io.raftvip.config;

/**
 * One health check of {@link HealthConfig}: its unique name and what it probes. The kinds are
 * closed; {@code io.raftvip.health} turns each into a runnable check.
 */
public sealed interface CheckConfig permits HttpCheckConfig, TcpCheckConfig, ExecCheckConfig {

  /** The pattern check names follow: short, safe in logs, metrics labels and status tables. */
  String NAME_PATTERN = "[a-z0-9-]{1,32}";

  /** @return the name, {@code [a-z0-9-]{1,32}}, unique among the checks */
  String name();

  /** @return the kind as written in the file: {@code http}, {@code tcp} or {@code exec} */
  String kind();
}
