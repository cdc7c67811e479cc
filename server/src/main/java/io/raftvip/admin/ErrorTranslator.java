package io.raftvip.admin;

import io.grpc.Metadata;
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
 * and message (a {@link NotLeaderException} also names the leader in a trailer); anything
 * unexpected is a bug: INTERNAL for the client and an ERROR line here. Also used for changes other
 * members forward to this node, so their answers are the ones an operator would get here.
 */
public final class ErrorTranslator {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorTranslator.class);

  private ErrorTranslator() {}

  /**
   * @param rpc the rpc name, for messages ("AddMember")
   * @param failure what the backend threw or failed its future with
   * @param timeout the server-side deadline, for the DEADLINE_EXCEEDED message
   * @return the status for the caller
   */
  public static StatusRuntimeException translate(String rpc, Throwable failure, Duration timeout) {
    Throwable cause = unwrap(failure);
    if (cause instanceof NotLeaderException notLeader) {
      final Metadata trailers = new Metadata();
      trailers.put(Metadata.Key.of(NotLeaderException.LEADER_TRAILER, Metadata.ASCII_STRING_MARSHALLER),
          notLeader.leader());
      return Status.fromCode(notLeader.code()).withDescription(notLeader.getMessage())
          .asRuntimeException(trailers);
    }
    if (cause instanceof AdminException refusal) {
      return Status.fromCode(refusal.code()).withDescription(refusal.getMessage())
          .asRuntimeException();
    }
    if (cause instanceof StatusRuntimeException || cause instanceof StatusException) {
      // A backend that forwards to the leader over gRPC passes the leader's answer through.
      final Metadata trailers = Status.trailersFromThrowable(cause);
      return Status.fromThrowable(cause).asRuntimeException(trailers == null ? new Metadata() : trailers);
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
