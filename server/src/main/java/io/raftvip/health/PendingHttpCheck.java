package io.raftvip.health;

import io.raftvip.config.HttpCheckConfig;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;

/**
 * An https check whose CA file cannot be read yet. On a kubeadm node the cluster CA
 * ({@code /etc/kubernetes/pki/ca.crt}) appears only at {@code kubeadm init}/{@code join}, after
 * the VIP must already be up: until then the check fails every round saying so (the node reads
 * as unhealthy, and with every member unhealthy the leader keeps the VIP), and it sets itself up
 * as soon as the file can be read.
 */
final class PendingHttpCheck implements HealthCheck {

  private final HttpCheckConfig config;
  private final Duration clientTimeout;
  private volatile HealthCheck ready;

  PendingHttpCheck(HttpCheckConfig config, Duration clientTimeout) {
    this.config = config;
    this.clientTimeout = clientTimeout;
  }

  @Override
  public String name() {
    return config.name();
  }

  @Override
  public CheckResult run(Duration timeout) {
    HealthCheck check = ready;
    if (check == null) {
      try {
        check = HttpCheck.create(config, clientTimeout);
        ready = check;
      } catch (IOException | GeneralSecurityException e) {
        return CheckResult.failed("cannot set up TLS yet: " + e.getMessage(), Duration.ZERO);
      }
    }
    return check.run(timeout);
  }
}
