package io.raftvip.daemon;

/** The exit codes of {@code raftvip}, defined once. */
enum ExitStatus {
  OK(0), FAILURE(1), INVALID(2);

  private final int code;

  ExitStatus(int code) {
    this.code = code;
  }

  int code() {
    return code;
  }
}
