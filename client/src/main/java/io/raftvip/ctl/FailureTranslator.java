package io.raftvip.ctl;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.Locale;

/**
 * Turns any exception a command throws into one line and an exit code, never a stack trace.
 * Server errors keep the server's description, which names the leader, the member or the rule.
 */
final class FailureTranslator {
  private final Session session;

  FailureTranslator(Session session) {
    this.session = session;
  }

  /** The failure to report for {@code error}. */
  Failure translate(Throwable error) {
    if (error instanceof CtlException e) {
      return new Failure(e.exitCode(), e.getMessage());
    }
    if (error instanceof StatusRuntimeException e) {
      return fromStatus(e.getStatus());
    }
    return new Failure(ExitCode.SERVER_ERROR, "unexpected error: " + error);
  }

  private Failure fromStatus(Status status) {
    String description = status.getDescription() == null ? "" : status.getDescription();
    String code = status.getCode().name();
    return switch (status.getCode()) {
      case UNAVAILABLE -> status.getCause() != null
          // A cause means the transport failed: nobody answered, so blame the endpoint.
          ? new Failure(ExitCode.UNAVAILABLE, "cannot reach " + session.endpointText() + ": "
              + reason(status.getCause()) + " (is raftvip running? is --endpoint right?)")
          : new Failure(ExitCode.UNAVAILABLE, "no leader yet (UNAVAILABLE): " + orCode(description, code));
      case DEADLINE_EXCEEDED -> isClientDeadline(description)
          ? new Failure(ExitCode.UNAVAILABLE, "no answer from " + session.endpointText() + " within "
              + session.timeout().toMillis() + " ms (DEADLINE_EXCEEDED; try a longer --timeout)")
          : new Failure(ExitCode.UNAVAILABLE, "did not complete in time (DEADLINE_EXCEEDED): " + orCode(description, code));
      case INVALID_ARGUMENT -> new Failure(ExitCode.USAGE, orCode(description, code));
      case FAILED_PRECONDITION -> new Failure(ExitCode.SERVER_ERROR, orCode(description, code));
      case INTERNAL -> new Failure(ExitCode.SERVER_ERROR, "internal error in raftvip (INTERNAL): " + orCode(description, code));
      case UNIMPLEMENTED -> new Failure(ExitCode.SERVER_ERROR,
          "the server does not know this request (UNIMPLEMENTED; is it an older raftvip?): " + orCode(description, code));
      default -> new Failure(ExitCode.SERVER_ERROR, code + (description.isEmpty() ? "" : ": " + description));
    };
  }

  /** grpc-java's own deadline messages ("CallOptions deadline exceeded after 0.2s...", "ClientCall started after..."). */
  private static boolean isClientDeadline(String description) {
    return description.toLowerCase(Locale.ROOT).contains("deadline exceeded after")
        || description.startsWith("ClientCall started after");
  }

  private static String orCode(String description, String code) {
    return description.isEmpty() ? code : description;
  }

  /**
   * The operating system's words for a connect failure, e.g. "connection refused". Netty's
   * messages look like "connect(..) failed: Connection refused: /run/raftvip/admin.sock"; the
   * endpoint is already in our line, so only the errno text is kept.
   */
  static String reason(Throwable cause) {
    Throwable root = cause;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    int failed = text.lastIndexOf("failed: ");
    if (failed >= 0) {
      text = text.substring(failed + "failed: ".length());
    }
    int detail = text.indexOf(": ");
    if (detail > 0) {
      text = text.substring(0, detail);
    }
    return text.isEmpty() ? text : text.substring(0, 1).toLowerCase(Locale.ROOT) + text.substring(1);
  }
}
