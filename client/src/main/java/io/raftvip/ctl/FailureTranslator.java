package io.raftvip.ctl;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.FileNotFoundException;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * Turns any exception a command throws into one line and an exit code, never a stack trace.
 * Server errors keep the server's description, which names the leader, the member or the rule.
 */
final class FailureTranslator {
  /** grpc-java's descriptions of a connection that closed without a gRPC answer. */
  private static final List<String> TRANSPORT_CLOSED =
      List.of("Network closed for unknown reason", "Connection closed", "io exception", "Keepalive failed");

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
      case UNAVAILABLE -> unavailable(status, description);
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

  private Failure unavailable(Status status, String description) {
    String endpoint = session.endpointText();
    SSLException tls = find(status.getCause(), SSLException.class);
    if (tls != null) {
      return new Failure(ExitCode.UNAVAILABLE, "TLS handshake with " + endpoint + " failed: "
          + tlsReason(tls) + " (check --tls-cert, --tls-key and --tls-ca)");
    }
    if (status.getCause() != null) {
      // A cause means the transport failed: nobody answered, so blame the endpoint.
      return new Failure(ExitCode.UNAVAILABLE, "cannot reach " + endpoint + ": " + reason(status.getCause())
          + " (is raftvip running? is --endpoint right?)");
    }
    if (TRANSPORT_CLOSED.stream().anyMatch(description::startsWith)) {
      return new Failure(ExitCode.UNAVAILABLE, "connection to " + endpoint + " closed: " + description
          + " (is it a raftvip admin endpoint? does it need --tls-*?)");
    }
    // The server's own account ("cannot add a member: no leader: ...", "transfer to bettley failed:
    // ...", "node shutting down"): it says what failed; a guess in front would repeat it, or be wrong.
    return new Failure(ExitCode.UNAVAILABLE, description.isEmpty()
        ? "the server is unavailable (UNAVAILABLE)" : description + " (UNAVAILABLE)");
  }

  private static <T extends Throwable> T find(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }

  /** BoringSSL says "error:1000045c:SSL routines:OPENSSL_internal:TLSV1_ALERT_CERTIFICATE_REQUIRED": keep the last part. */
  private static String tlsReason(SSLException e) {
    String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return text.startsWith("error:") ? text.substring(text.lastIndexOf(':') + 1) : text;
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
   * messages look like "connect(..) failed: Connection refused: /127.0.0.1:7421"; the endpoint is
   * already in our line, so only the errno text is kept. A missing socket file (ENOENT) comes as
   * a FileNotFoundException without message.
   */
  static String reason(Throwable cause) {
    String text = null;
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof FileNotFoundException) {
        return "no such file or directory";
      }
      if (t.getMessage() != null) {
        text = t.getMessage();
      }
    }
    if (text == null) {
      return cause.getClass().getSimpleName();
    }
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
