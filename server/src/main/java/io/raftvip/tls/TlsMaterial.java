package io.raftvip.tls;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The three PEM files of {@code admin.tls}, read and checked once: this node's certificate chain
 * and the private key that belongs to it, and the CA certificates every peer and admin client
 * must chain to. Immutable; {@link NodeTls} swaps one for another on reload.
 *
 * @param chain this node's certificate first, then any intermediates
 * @param key the private key of {@code chain.get(0)}
 * @param trusted the CA certificates (a bundle may hold several, e.g. old and new CA while rotating)
 * @param files where they were read from, for messages
 */
public record TlsMaterial(List<X509Certificate> chain, PrivateKey key, List<X509Certificate> trusted,
                          Files files) {

  /**
   * Where the material comes from.
   *
   * @param cert {@code admin.tls.cert}
   * @param key {@code admin.tls.key}
   * @param ca {@code admin.tls.ca}
   */
  public record Files(Path cert, Path key, Path ca) {
  }

  /** Protects nothing: the store lives in memory only, and PKCS#12 wants some password. */
  private static final char[] IN_MEMORY = "raftvip".toCharArray();

  public TlsMaterial {
    chain = List.copyOf(chain);
    trusted = List.copyOf(trusted);
  }

  /**
   * Reads and checks the files: each parses, and the key belongs to the certificate.
   *
   * @throws TlsException naming the key ({@code admin.tls.cert}, ...), the file and the problem
   */
  public static TlsMaterial read(Files files) throws TlsException {
    final List<X509Certificate> chain = new PemFile("admin.tls.cert", files.cert()).certificates();
    final PrivateKey key = new PemFile("admin.tls.key", files.key()).privateKey();
    final List<X509Certificate> trusted = new PemFile("admin.tls.ca", files.ca()).certificates();
    if (!belongsTo(key, chain.get(0))) {
      throw new TlsException("admin.tls.key " + files.key() + " is not the private key of admin.tls.cert "
          + files.cert() + " (" + CertificateNames.of(chain.get(0)).describe() + "); give the key the"
          + " certificate was issued for");
    }
    return new TlsMaterial(chain, key, trusted, files);
  }

  /** @return this node's own certificate */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** @return a short fingerprint of this node's certificate and the CA bundle, to tell versions apart */
  public String fingerprint() {
    try {
      final MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (X509Certificate c : chain) {
        sha.update(c.getEncoded());
      }
      sha.update((byte) 0);
      for (X509Certificate c : trusted) {
        sha.update(c.getEncoded());
      }
      return HexFormat.of().formatHex(sha.digest(), 0, 6);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 unavailable", e);
    }
  }

  /** @return a key manager that always presents this material under {@code alias} */
  X509ExtendedKeyManager keyManager(String alias) {
    try {
      final KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      store.setKeyEntry(alias, key, IN_MEMORY, chain.toArray(new X509Certificate[0]));
      // SunX509 hands out the alias as stored: one alias per generation keeps caches honest.
      final KeyManagerFactory f = KeyManagerFactory.getInstance("SunX509");
      f.init(store, IN_MEMORY);
      return (X509ExtendedKeyManager) f.getKeyManagers()[0];
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build a key manager for " + files.cert() + ": " + e, e);
    }
  }

  /** @return a trust manager (PKIX, hostname checks included) trusting exactly the CA bundle */
  X509ExtendedTrustManager trustManager() {
    try {
      final KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      for (int i = 0; i < trusted.size(); i++) {
        store.setCertificateEntry("ca-" + i, trusted.get(i));
      }
      final TrustManagerFactory f = TrustManagerFactory.getInstance("PKIX");
      f.init(store);
      return (X509ExtendedTrustManager) f.getTrustManagers()[0];
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalStateException("cannot build a trust manager for " + files.ca() + ": " + e, e);
    }
  }

  private static boolean belongsTo(PrivateKey key, X509Certificate cert) {
    final String algorithm = switch (key.getAlgorithm()) {
      case "EC" -> "SHA256withECDSA";
      case "RSA" -> "SHA256withRSA";
      default -> key.getAlgorithm(); // Ed25519, Ed448 sign with their own name
    };
    try {
      final byte[] probe = "raftvip key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      final Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      final byte[] signature = signer.sign();
      final Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false; // e.g. an RSA key with an EC certificate
    }
  }
}
