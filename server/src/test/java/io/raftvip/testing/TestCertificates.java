package io.raftvip.testing;

import io.raftvip.tls.NodeTls;
import io.raftvip.tls.TlsException;
import io.raftvip.tls.TlsMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A throwaway CA with a server, a client and a node certificate (the node one for both roles, as
 * Raft peers need), made by the openssl command at test time so no key material lives in the
 * repository. EC P-256 keys in PKCS#8 PEM; server and node certificates name 127.0.0.1.
 */
public final class TestCertificates {

  public final Path caCert;
  public final Path serverCert;
  public final Path serverKey;
  public final Path clientCert;
  public final Path clientKey;
  public final Path nodeCert;
  public final Path nodeKey;

  private TestCertificates(Path dir) {
    caCert = dir.resolve("ca.crt");
    serverCert = dir.resolve("server.crt");
    serverKey = dir.resolve("server.key");
    clientCert = dir.resolve("client.crt");
    clientKey = dir.resolve("client.key");
    nodeCert = dir.resolve("node.crt");
    nodeKey = dir.resolve("node.key");
  }

  /** @return whether an openssl binary is on the PATH */
  public static boolean opensslAvailable() {
    try {
      return run(Path.of("."), List.of("openssl", "version"));
    } catch (IOException e) {
      return false;
    }
  }

  /** Creates a CA named {@code caName} in {@code dir} and signs a server, a client and a node cert. */
  public static TestCertificates create(Path dir, String caName) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("ca.cnf"), String.join("\n",
        "[req]", "distinguished_name = dn", "x509_extensions = ca", "prompt = no",
        "[dn]", "CN = " + caName,
        "[ca]", "basicConstraints = critical,CA:TRUE", "keyUsage = critical,keyCertSign,cRLSign",
        "subjectKeyIdentifier = hash", ""));
    Files.writeString(dir.resolve("server.ext"),
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n");
    Files.writeString(dir.resolve("client.ext"), "extendedKeyUsage=clientAuth\n");
    Files.writeString(dir.resolve("node.ext"),
        "subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n");
    openssl(dir, "req", "-x509", "-config", "ca.cnf", "-newkey", "ec", "-pkeyopt",
        "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", "ca.key", "-out", "ca.crt", "-days", "1");
    for (String who : List.of("server", "client", "node")) {
      openssl(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
          "-nodes", "-keyout", who + ".key", "-out", who + ".csr", "-subj", "/CN=raftvip-test-" + who);
      openssl(dir, "x509", "-req", "-in", who + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key",
          "-CAcreateserial", "-out", who + ".crt", "-days", "1", "-extfile", who + ".ext");
    }
    return new TestCertificates(dir);
  }

  /** A node certificate and its key. */
  public record NodeCertificate(Path cert, Path key) {
  }

  /** @return key and trust managers holding {@code cert} and {@code key}, trusting this CA */
  public NodeTls tls(Path cert, Path key) {
    try {
      return NodeTls.of(TlsMaterial.read(new TlsMaterial.Files(cert, key, caCert)));
    } catch (TlsException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /**
   * Signs one more node certificate with this CA, for both TLS roles, naming {@code ip}: one
   * per node of a cluster in network namespaces.
   */
  public NodeCertificate node(String name, String ip) throws IOException {
    final Path dir = caCert.getParent();
    Files.writeString(dir.resolve(name + ".ext"),
        "subjectAltName=IP:" + ip + "\nextendedKeyUsage=serverAuth,clientAuth\n");
    openssl(dir, "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
        "-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=raftvip-test-" + name);
    openssl(dir, "x509", "-req", "-in", name + ".csr", "-CA", "ca.crt", "-CAkey", "ca.key",
        "-CAcreateserial", "-out", name + ".crt", "-days", "1", "-extfile", name + ".ext");
    return new NodeCertificate(dir.resolve(name + ".crt"), dir.resolve(name + ".key"));
  }

  private static void openssl(Path dir, String... args) throws IOException {
    List<String> command = new java.util.ArrayList<>(List.of("openssl"));
    command.addAll(List.of(args));
    if (!run(dir, command)) {
      throw new IOException("failed: " + String.join(" ", command) + " (in " + dir + ")");
    }
  }

  private static boolean run(Path dir, List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IOException("timed out: " + String.join(" ", command));
      }
      return process.exitValue() == 0;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted: " + String.join(" ", command), e);
    }
  }
}
