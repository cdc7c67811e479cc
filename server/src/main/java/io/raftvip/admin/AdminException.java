package io.raftvip.admin;

import java.util.Objects;

/** A refusal with a gRPC status code and a message for the operator. */
public sealed class AdminException extends RuntimeException permits NotLeaderException {

  private static final long serialVersionUID = 1L;

  private final io.grpc.Status.Code code;

  /**
   * @param code the gRPC code the client receives; never OK
   * @param message what was refused and why, for the operator (e.g. "not the leader; leader is n2")
   */
  public AdminException(io.grpc.Status.Code code, String message) {
    super(message);
    this.code = Objects.requireNonNull(code, "code");
    if (code == io.grpc.Status.Code.OK) {
      throw new IllegalArgumentException("an AdminException cannot carry code OK: " + message);
    }
  }

  /** @return the gRPC status code of this refusal */
  public io.grpc.Status.Code code() {
    return code;
  }
}
