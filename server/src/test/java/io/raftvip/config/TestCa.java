package io.raftvip.config;

import io.raftvip.testing.TestCertificates;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** A CA certificate file for config tests that need one that parses. */
final class TestCa {

  private TestCa() {}

  /** @return the CA certificate of a fresh test CA in {@code dir}; aborts the test without openssl */
  static Path write(Path dir) throws IOException {
    if (!TestCertificates.opensslAvailable()) {
      System.err.println("SKIPPED: no openssl binary on PATH to make a test CA");
      Assumptions.abort("no openssl binary on PATH to make a test CA");
    }
    return TestCertificates.create(dir.resolve("pki"), "raftvip health test CA").caCert;
  }
}
