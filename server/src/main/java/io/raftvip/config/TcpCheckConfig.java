package io.raftvip.config;

import java.util.Objects;

/**
 * A TCP connect to {@code address}, closed as soon as it succeeds.
 *
 * @param name the check's name
 * @param address {@code HOST:PORT}; IPv6 written {@code [addr]:port}
 */
public record TcpCheckConfig(String name, HostPort address) implements CheckConfig {

  public TcpCheckConfig {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(address, "address");
  }

  @Override
  public String kind() {
    return "tcp";
  }
}
