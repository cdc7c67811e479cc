package io.raftvip.daemon;

import io.raftvip.config.CheckConfig;
import io.raftvip.config.HealthConfig;
import io.raftvip.config.HttpCheckConfig;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code raftvip check}'s warnings for http health checks whose {@code ca} file does not exist
 * yet. The configuration accepts them (kubeadm writes {@code /etc/kubernetes/pki/ca.crt} only at
 * {@code kubeadm init}, and the VIP must be up before that), but until the file appears the check
 * fails every round, so this node counts as unhealthy. A warning, not an error.
 */
final class PendingCaCheck {

  private PendingCaCheck() {
  }

  /** @return one warning per http check whose CA file is missing; none without a health section */
  static List<String> warnings(HealthConfig health) {
    final List<String> warnings = new ArrayList<>();
    if (health == null) {
      return warnings;
    }
    for (CheckConfig check : health.checks()) {
      if (check instanceof HttpCheckConfig http && http.ca() != null && !Files.exists(http.ca())) {
        warnings.add("health check " + http.name() + ": its CA file " + http.ca() + " does not exist yet; the"
            + " check fails every round (and this node counts as unhealthy) until it appears, e.g. at kubeadm"
            + " init; fix the path if it is not meant to appear later");
      }
    }
    return warnings;
  }
}
