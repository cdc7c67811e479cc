package io.raftvip.config;

/**
 * The Prometheus endpoint.
 *
 * @param listen where to serve {@code /metrics}, or {@code null} when metrics are off
 */
public record MetricsConfig(HostPort listen) {

  /** @return metrics off (the default) */
  public static MetricsConfig off() {
    return new MetricsConfig(null);
  }

  /** @return true when an endpoint is configured */
  public boolean enabled() {
    return listen != null;
  }
}
