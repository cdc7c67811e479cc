package io.raftvip.net;

/**
 * A failed network operation. The message names the operation, its arguments and the errno
 * name, e.g. {@code "RTM_NEWADDR 10.4.0.9/32 dev end0: ENODEV (No such device)"}.
 */
public class NetworkException extends RuntimeException {

  private final int errno;

  public NetworkException(String message, int errno) {
    super(message);
    this.errno = errno;
  }

  public NetworkException(String message, int errno, Throwable cause) {
    super(message, cause);
    this.errno = errno;
  }

  /** @return the errno behind the failure, or 0 when there was none */
  public int errno() {
    return errno;
  }
}
