package io.raftvip.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PEM file named by a configuration key ({@code admin.tls.cert}): its certificates or its
 * PKCS#8 private key. Errors name the key and the file, and for the common format mistakes the
 * command that fixes them.
 */
final class PemFile {

  private static final Pattern BLOCK = Pattern.compile(
      "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
  private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA", "Ed25519", "Ed448");

  private final String key;
  private final Path file;

  /** @param key the configuration key naming the file, for messages; @param file the file */
  PemFile(String key, Path file) {
    this.key = key;
    this.file = file;
  }

  /** @return every certificate of the file, in file order; at least one */
  List<X509Certificate> certificates() throws TlsException {
    final List<X509Certificate> out = new ArrayList<>();
    final CertificateFactory factory;
    try {
      factory = CertificateFactory.getInstance("X.509");
    } catch (CertificateException e) {
      throw new IllegalStateException("this JVM has no X.509 support", e);
    }
    for (Block b : blocks()) {
      if (!b.type().equals("CERTIFICATE")) {
        continue;
      }
      try {
        out.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(b.der())));
      } catch (CertificateException e) {
        throw problem("certificate " + (out.size() + 1) + " cannot be parsed: " + e.getMessage(), e);
      }
    }
    if (out.isEmpty()) {
      throw problem("has no '-----BEGIN CERTIFICATE-----' block; it must hold PEM certificates");
    }
    return out;
  }

  /** @return the private key of a PKCS#8 PEM file ({@code -----BEGIN PRIVATE KEY-----}) */
  PrivateKey privateKey() throws TlsException {
    final List<Block> blocks = blocks();
    for (Block b : blocks) {
      if (b.type().equals("PRIVATE KEY")) {
        return pkcs8(b.der());
      }
      if (b.type().equals("ENCRYPTED PRIVATE KEY")) {
        throw problem("is an encrypted key; raftvip needs it unencrypted (readable by the raftvip user"
            + " only): openssl pkcs8 -topk8 -nocrypt -in " + file + " -out NEW_FILE");
      }
      if (b.type().endsWith(" PRIVATE KEY")) {
        throw problem("holds a '" + b.type() + "' key; raftvip reads PKCS#8 ('PRIVATE KEY'): convert it"
            + " with openssl pkcs8 -topk8 -nocrypt -in " + file + " -out NEW_FILE");
      }
    }
    throw problem("has no '-----BEGIN PRIVATE KEY-----' block; it must hold the PKCS#8 PEM private key");
  }

  private PrivateKey pkcs8(byte[] der) throws TlsException {
    final PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    for (String algorithm : KEY_ALGORITHMS) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (InvalidKeySpecException | NoSuchAlgorithmException e) {
        // not this algorithm: try the next
      }
    }
    throw problem("the private key is none of " + String.join(", ", KEY_ALGORITHMS)
        + " or cannot be parsed");
  }

  private record Block(String type, byte[] der) {
  }

  private List<Block> blocks() throws TlsException {
    final String text = read();
    final List<Block> blocks = new ArrayList<>();
    final Matcher m = BLOCK.matcher(text);
    while (m.find()) {
      try {
        blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
      } catch (IllegalArgumentException e) {
        throw problem("a '" + m.group(1) + "' block is not valid base64", e);
      }
    }
    return blocks;
  }

  private String read() throws TlsException {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (NoSuchFileException e) {
      throw problem("no such file");
    } catch (AccessDeniedException e) {
      throw problem("not readable by this user (the service runs as raftvip: chgrp raftvip "
          + file + " && chmod 0640 " + file + ")");
    } catch (IOException e) {
      throw problem("cannot read: " + e.getMessage(), e);
    }
  }

  private TlsException problem(String what) {
    return new TlsException(key + " " + file + ": " + what);
  }

  private TlsException problem(String what, Throwable cause) {
    return new TlsException(key + " " + file + ": " + what, cause);
  }
}
