package io.raftvip.config;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a PEM file of CA certificates. Used twice: by the config check, so that a missing or
 * broken {@code ca} file is a config error naming the path, and by the HTTPS check, which builds
 * its trust from the same file.
 */
public final class PemCertificates {

  private static final String BEGIN = "-----BEGIN CERTIFICATE-----";

  private PemCertificates() {}

  /**
   * @param file a PEM file holding one or more certificates
   * @return the certificates, at least one
   * @throws IOException with a message that names the file and says what is wrong with it
   */
  public static List<X509Certificate> read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IOException("'" + file + "' does not exist");
    } catch (IOException e) {
      throw new IOException("'" + file + "' cannot be read: " + describe(e));
    }
    // CertificateFactory also reads DER and says "No certificate data found" for anything else;
    // a missing BEGIN line is the usual mistake (a key or a CSR given instead), so name it.
    if (!new String(bytes, java.nio.charset.StandardCharsets.US_ASCII).contains(BEGIN)) {
      throw new IOException("'" + file + "' holds no PEM certificate (no " + BEGIN + " line)");
    }
    try {
      List<X509Certificate> certificates = new ArrayList<>();
      for (Certificate c : CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(bytes))) {
        certificates.add((X509Certificate) c);
      }
      if (certificates.isEmpty()) {
        throw new CertificateException("no certificate found");
      }
      return List.copyOf(certificates);
    } catch (CertificateException e) {
      throw new IOException("'" + file + "' is not a valid PEM certificate file: " + e.getMessage());
    }
  }

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
      return fse.getReason(); // getMessage() would repeat the path
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
