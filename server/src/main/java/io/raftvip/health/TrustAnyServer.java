package io.raftvip.health;

import java.net.Socket;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * {@code insecure: true}: accepts ANY server certificate, self-signed, expired or naming another
 * host, and checks no host name (an {@link X509ExtendedTrustManager} does that check itself, so
 * JSSE adds none). Whoever answers on the address passes the TLS part of the check. Only for
 * health checks that ask the local API server whether it is ready, never for anything secret.
 */
final class TrustAnyServer extends ServerTrustManager {

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
