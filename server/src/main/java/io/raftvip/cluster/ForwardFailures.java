package io.raftvip.cluster;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.raftvip.admin.AdminException;
import io.raftvip.admin.NotLeaderException;
import io.raftvip.raft.PeerUnreachableException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What the operator gets when a change could not be carried out where this node sent it. The
 * leader's own answer passes unchanged (its code and its message, which names the member or the
 * rule); a leader that could not be reached, or is too old to take forwarded changes, is
 * explained from this node's side.
 */
final class ForwardFailures {

  private ForwardFailures() {
  }

  /**
   * @return the leader named by a "not the leader" refusal, from this node ({@link NotLeaderException})
   *     or from the member the change was forwarded to (its {@value NotLeaderException#LEADER_TRAILER}
   *     trailer); empty for any other failure
   */
  static Optional<String> leaderNamedBy(Throwable failure) {
    final Throwable cause = unwrap(failure);
    if (cause instanceof NotLeaderException notLeader) {
      return Optional.of(notLeader.leader());
    }
    if (cause instanceof StatusRuntimeException refused
        && refused.getStatus().getCode() == Status.Code.FAILED_PRECONDITION && refused.getTrailers() != null) {
      final String leader = refused.getTrailers().get(
          Metadata.Key.of(NotLeaderException.LEADER_TRAILER, Metadata.ASCII_STRING_MARSHALLER));
      return Optional.ofNullable(leader).filter(l -> !l.isEmpty());
    }
    return Optional.empty();
  }

  /**
   * @param what the change, e.g. "add a member"
   * @param route where it was sent
   * @param failure how it failed
   * @return the failure to report to the operator
   */
  static Throwable toCaller(String what, Route route, Throwable failure) {
    final Throwable cause = unwrap(failure);
    if (cause instanceof PeerUnreachableException gone && gone.timedOut()) {
      return new AdminException(Status.Code.DEADLINE_EXCEEDED, "the leader " + route.leader() + " at " + gone.address()
          + " did not answer within the time allowed (" + gone.getMessage() + ") to " + what + " forwarded to it;"
          + " the change may still take effect: check `raftvipctl members` and `raftvipctl status`");
    }
    if (cause instanceof PeerUnreachableException gone) {
      return new AdminException(Status.Code.UNAVAILABLE, "cannot reach the leader " + route.leader() + " at "
          + gone.address() + " to " + what + ": " + gone.getMessage() + "; is raftvip running there and its Raft"
          + " port open to the other members? Retry, or send the change to " + route.leader() + " itself");
    }
    if (cause instanceof StatusRuntimeException refused && refused.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
      return new AdminException(Status.Code.FAILED_PRECONDITION, "cannot " + what + " here: the leader "
          + route.leader() + " runs a raftvip that takes no forwarded changes (UNIMPLEMENTED); send the change to "
          + route.leader() + " itself (raftvipctl on " + route.leader() + ") or upgrade it");
    }
    return cause;
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
