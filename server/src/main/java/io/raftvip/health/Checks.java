package io.raftvip.health;

import io.raftvip.config.CheckConfig;
import io.raftvip.config.ExecCheckConfig;
import io.raftvip.config.HttpCheckConfig;
import io.raftvip.config.TcpCheckConfig;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;

/** Makes the runnable check for each configured kind. */
final class Checks {

  private Checks() {}

  /**
   * @param config one configured check
   * @param timeout the health timeout (an http check's connect timeout)
   * @return the check; an {@link UnusableCheck} when it cannot be set up
   */
  static HealthCheck create(CheckConfig config, Duration timeout) {
    if (config instanceof HttpCheckConfig http) {
      try {
        return HttpCheck.create(http, timeout);
      } catch (IOException e) {
        return new PendingHttpCheck(http, timeout); // the CA file may appear later (kubeadm init)
      } catch (GeneralSecurityException e) {
        return new UnusableCheck(http.name(), "cannot set up TLS: " + e.getMessage());
      }
    }
    if (config instanceof TcpCheckConfig tcp) {
      return new TcpCheck(tcp.name(), tcp.address());
    }
    if (config instanceof ExecCheckConfig exec) {
      return new ExecCheck(exec.name(), exec.command());
    }
    throw new IllegalArgumentException("unknown check kind " + config.kind());
  }
}
