package io.raftvip.admin;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what a backend call threw into the gRPC status the client sees. Refusals keep their code
 * and message; anything unexpected is a bug: INTERNAL for the client and an ERROR line here.
 */
final class ErrorTranslator {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorTranslator.class);

  private ErrorTranslator() {}

  /**
   * @param rpc the rpc name, for messages ("AddMember")
   * @param failure what the backend threw or failed its future with
   * @param timeout the server-side deadline, for the DEADLINE_EXCEEDED message
   */
  static StatusRuntimeException translate(String rpc, Throwable failure, Duration timeout) {
    Throwable cause = unwrap(failure);
    if (cause instanceof AdminException refusal) {
      return Status.fromCode(refusal.code()).withDescription(refusal.getMessage())
          .asRuntimeException();
    }
    if (cause instanceof StatusRuntimeException || cause instanceof StatusException) {
      // A backend that forwards to the leader over gRPC passes the leader's answer through.
      return Status.fromThrowable(cause).asRuntimeException();
    }
    if (cause instanceof TimeoutException) {
      return Status.DEADLINE_EXCEEDED
          .withDescription(rpc + " did not complete within " + timeout.toSeconds()
              + "s; the change may still take effect, check the members and status again")
          .asRuntimeException();
    }
    if (cause instanceof CancellationException) {
      return Status.UNAVAILABLE
          .withDescription(rpc + " was cancelled by the node before it completed (shutting down?)")
          .asRuntimeException();
    }
    LOG.error("admin: {} failed with an unexpected exception (a bug in raftvip)", rpc, cause);
    return Status.INTERNAL
        .withDescription(rpc + " failed: internal error " + cause.getClass().getSimpleName()
            + (cause.getMessage() == null ? "" : ": " + cause.getMessage())
            + "; see the node's log")
        .withCause(cause)
        .asRuntimeException();
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
