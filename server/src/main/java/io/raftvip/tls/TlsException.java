package io.raftvip.tls;

/**
 * TLS material cannot be used: a file is missing or unreadable, is not the PEM it should be, or
 * the key does not belong to the certificate. The message names the configuration key, the file
 * and what to do.
 */
public final class TlsException extends Exception {

  private static final long serialVersionUID = 1L;

  /** @param message what is wrong, naming the key and the file, and how to fix it */
  public TlsException(String message) {
    super(message);
  }

  /** @param message as {@link #TlsException(String)}; @param cause the parser's own failure */
  public TlsException(String message, Throwable cause) {
    super(message, cause);
  }
}
