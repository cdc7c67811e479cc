package io.raftvip.ctl;

/**
 * A failure raftvipctl detected itself (a bad argument, an unreadable TLS file): carries the exit
 * code and the one line to print, without a stack trace.
 */
final class CtlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ExitCode exitCode;

  CtlException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  ExitCode exitCode() {
    return exitCode;
  }

  /** A usage error: exit code 2. */
  static CtlException usage(String message) {
    return new CtlException(ExitCode.USAGE, message);
  }
}
