package io.raftvip.health;

import io.raftvip.config.HttpCheckConfig;
import io.raftvip.config.PemCertificates;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS context of an https check: trust built from the check's CA file (and its expected
 * server name), or, for {@code insecure: true}, trust in anything. No client certificate: the
 * checks ask endpoints such as {@code /readyz} that anyone may ask.
 */
final class TlsContexts {

  private TlsContexts() {}

  /**
   * @param check an https check
   * @return its context
   * @throws IOException when the CA file cannot be read or parsed (message names the file)
   * @throws GeneralSecurityException when the JDK lacks TLS or PKIX, which it does not
   */
  static SSLContext forCheck(HttpCheckConfig check) throws IOException, GeneralSecurityException {
    TrustManager trust = check.insecure() ? new TrustAnyServer()
        : new CaTrustManager(chainValidator(PemCertificates.read(check.ca())), check.ca(),
            expectedName(check));
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, new TrustManager[] {trust}, null);
    return context;
  }

  /** @return the server name the certificate must carry: server-name, else the URL's host */
  static String expectedName(HttpCheckConfig check) {
    if (check.serverName() != null) {
      return check.serverName();
    }
    String host = check.url().getHost();
    return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
  }

  private static X509ExtendedTrustManager chainValidator(List<X509Certificate> cas)
      throws GeneralSecurityException, IOException {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    for (int i = 0; i < cas.size(); i++) {
      store.setCertificateEntry("ca-" + i, cas.get(i));
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509ExtendedTrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("no X509 trust manager for the CA certificates");
  }
}
