package io.raftvip.config;

import static io.raftvip.config.DurationFormat.format;
import static io.raftvip.config.EffectiveConfigPrinter.scalar;

/**
 * Prints the {@code health} section for {@link EffectiveConfigPrinter}, defaults included, in a
 * form {@link HealthReader} reads back to an equal {@link HealthConfig}.
 */
final class HealthSectionPrinter {

  private HealthSectionPrinter() {}

  static void print(StringBuilder out, HealthConfig health) {
    if (health == null) {
      out.append("# health: not configured (no health gating: the Raft leader owns the VIP)\n");
      return;
    }
    out.append("health:\n");
    out.append("  interval: ").append(format(health.interval())).append('\n');
    out.append("  timeout: ").append(format(health.timeout())).append('\n');
    out.append("  fall: ").append(health.fall()).append('\n');
    out.append("  rise: ").append(health.rise()).append('\n');
    out.append("  hold-down: ").append(format(health.holdDown()))
        .append(health.holdDown().isZero() ? "  # off\n" : "\n");
    out.append("  preempt: ").append(health.preempt()).append('\n');
    out.append("  checks:\n");
    for (CheckConfig check : health.checks()) {
      out.append("    - name: ").append(scalar(check.name())).append('\n');
      out.append("      kind: ").append(check.kind()).append('\n');
      if (check instanceof HttpCheckConfig http) {
        http(out, http);
      } else if (check instanceof TcpCheckConfig tcp) {
        out.append("      address: ").append(scalar(tcp.address().toString())).append('\n');
      } else if (check instanceof ExecCheckConfig exec) {
        out.append("      command:\n");
        for (String word : exec.command()) {
          out.append("        - ").append(scalar(word)).append('\n');
        }
      }
    }
  }

  private static void http(StringBuilder out, HttpCheckConfig http) {
    out.append("      url: ").append(scalar(http.url().toString())).append('\n');
    if (http.ca() != null) {
      out.append("      ca: ").append(scalar(http.ca().toString())).append('\n');
    }
    if (http.serverName() != null) {
      out.append("      server-name: ").append(scalar(http.serverName())).append('\n');
    }
    if (http.insecure()) {
      out.append("      insecure: true  # no certificate or host name verification\n");
    }
  }
}
