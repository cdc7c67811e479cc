package io.raftvip.ctl;

import java.nio.file.Path;

/**
 * The PEM files for TLS to a TCP endpoint. Certificate and key go together (mutual TLS); the CA
 * verifies the server (the JVM's trust store when absent).
 *
 * @param cert client certificate chain (PEM), or null
 * @param key client private key (PEM, PKCS#8), or null
 * @param ca CA certificate(s) that signed the server's certificate (PEM), or null
 */
record TlsFiles(Path cert, Path key, Path ca) {
  /** Whether any TLS option was given. */
  boolean enabled() {
    return cert != null || key != null || ca != null;
  }

  /**
   * Checks that the options fit together and with the endpoint.
   *
   * @throws CtlException (usage) naming the offending options
   */
  void check(Endpoint endpoint) {
    if (!enabled()) {
      return;
    }
    if (endpoint.isUnix()) {
      throw CtlException.usage("--tls-cert/--tls-key/--tls-ca apply to HOST:PORT endpoints only, not "
          + endpoint.text() + " (a Unix socket is protected by file permissions)");
    }
    if ((cert == null) != (key == null)) {
      throw CtlException.usage("--tls-cert and --tls-key go together (mutual TLS); got only "
          + (cert != null ? "--tls-cert" : "--tls-key"));
    }
  }
}
