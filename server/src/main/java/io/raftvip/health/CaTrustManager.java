package io.raftvip.health;

import java.net.Socket;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts a server whose chain leads to the configured CA and whose certificate names the expected
 * host. Being an {@link X509ExtendedTrustManager}, it replaces JSSE's own host name check (which
 * could only compare with the URL's host) with {@link CertificateNames}.
 */
final class CaTrustManager extends ServerTrustManager {

  private final X509ExtendedTrustManager chains;
  private final Path caFile;
  private final String expectedName;

  /**
   * @param chains validates chains against the CA certificates (PKIX), without a name check
   * @param caFile where the CA came from, for messages
   * @param expectedName the host name or IP literal the server certificate must carry
   */
  CaTrustManager(X509ExtendedTrustManager chains, Path caFile, String expectedName) {
    this.chains = chains;
    this.caFile = caFile;
    this.expectedName = expectedName;
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
      throws CertificateException {
    checkServerTrusted(chain, authType);
  }

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType)
      throws CertificateException {
    try {
      chains.checkServerTrusted(chain, authType); // the two-argument form checks no host name
    } catch (CertificateException e) {
      String subject = chain.length == 0 ? "(none)"
          : chain[0].getSubjectX500Principal().getName();
      // No cause: the reason shown is the innermost message, and this one says what happened.
      throw new CertificateException("the server's certificate (" + subject
          + ") is not trusted by " + caFile + ": " + shortReason(e));
    }
    CertificateNames.verify(chain[0], expectedName);
  }

  /** PKIX says "PKIX path building failed: sun.security...Exception: unable to find ..." */
  private static String shortReason(CertificateException e) {
    String message = String.valueOf(Failures.innermostMessage(e));
    int colon = message.lastIndexOf("Exception: ");
    return colon >= 0 ? message.substring(colon + "Exception: ".length()) : message;
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return chains.getAcceptedIssuers();
  }
}
