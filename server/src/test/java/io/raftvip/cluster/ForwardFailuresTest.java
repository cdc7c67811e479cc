package io.raftvip.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.raftvip.admin.AdminException;
import io.raftvip.admin.NotLeaderException;
import io.raftvip.raft.PeerUnreachableException;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** How a forward's failure reaches the operator. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ForwardFailuresTest {

  private static final Route TO_N1 = new Route(Route.Kind.FORWARD, "n1", "10.4.0.10:7420", "");

  private static StatusRuntimeException answer(Status status, String leader) {
    final Metadata trailers = new Metadata();
    trailers.put(Metadata.Key.of("raftvip-node", Metadata.ASCII_STRING_MARSHALLER), "n1");
    if (leader != null) {
      trailers.put(Metadata.Key.of(NotLeaderException.LEADER_TRAILER, Metadata.ASCII_STRING_MARSHALLER), leader);
    }
    return status.asRuntimeException(trailers);
  }

  @Test
  void theLeadersOwnRefusal_passesUnchanged() {
    final StatusRuntimeException refused = answer(Status.FAILED_PRECONDITION.withDescription(
        "refusing to remove 'n3': only 1 of the remaining 2 members are reachable"), null);
    assertSame(refused, ForwardFailures.toCaller("remove a member", TO_N1, new CompletionException(refused)));
    final StatusRuntimeException unknown = answer(Status.INVALID_ARGUMENT.withDescription("unknown member 'x'"), null);
    assertSame(unknown, ForwardFailures.toCaller("remove a member", TO_N1, unknown));
  }

  @Test
  void anUnreachableLeader_isUnavailable_namingItAndWhatToDo() {
    final Throwable t = ForwardFailures.toCaller("add a member", TO_N1,
        new CompletionException(new PeerUnreachableException("10.4.0.10:7420", "connection refused", false)));
    final AdminException e = (AdminException) t;
    assertEquals(Status.Code.UNAVAILABLE, e.code());
    assertEquals("cannot reach the leader n1 at 10.4.0.10:7420 to add a member: connection refused; is raftvip running"
        + " there and its Raft port open to the other members? Retry, or send the change to n1 itself", e.getMessage());
  }

  @Test
  void aLeaderThatNeverAnswered_isDeadlineExceeded_andTheChangeMayStillHappen() {
    final AdminException e = (AdminException) ForwardFailures.toCaller("add a member", TO_N1,
        new PeerUnreachableException("10.4.0.10:7420", "no answer within 25 s", true));
    assertEquals(Status.Code.DEADLINE_EXCEEDED, e.code());
    assertEquals("the leader n1 at 10.4.0.10:7420 did not answer within the time allowed (no answer within 25 s) to"
        + " add a member forwarded to it; the change may still take effect: check `raftvipctl members` and"
        + " `raftvipctl status`", e.getMessage());
  }

  @Test
  void aLeaderTooOldToTakeForwardedChanges_isAPrecondition_sayingWhereToSendIt() {
    final AdminException e = (AdminException) ForwardFailures.toCaller("transfer ownership", TO_N1,
        Status.UNIMPLEMENTED.withDescription("Method not found: raftvip.peer.v1.Peer/TransferOwnership")
            .asRuntimeException());
    assertEquals(Status.Code.FAILED_PRECONDITION, e.code());
    assertEquals("cannot transfer ownership here: the leader n1 runs a raftvip that takes no forwarded changes"
        + " (UNIMPLEMENTED); send the change to n1 itself (raftvipctl on n1) or upgrade it", e.getMessage());
  }

  @Test
  void notTheLeader_namesTheLeader_fromHereOrFromTheForwardTarget() {
    assertEquals(Optional.of("n3"), ForwardFailures.leaderNamedBy(new NotLeaderException("add a member", "n3")));
    assertEquals(Optional.of("n3"), ForwardFailures.leaderNamedBy(new CompletionException(
        answer(Status.FAILED_PRECONDITION.withDescription("cannot add a member here: not the leader; leader is n3"),
            "n3"))));
    assertEquals(Optional.empty(), ForwardFailures.leaderNamedBy(
        answer(Status.FAILED_PRECONDITION.withDescription("refusing to remove 'n3'"), null)));
    assertEquals(Optional.empty(), ForwardFailures.leaderNamedBy(
        new PeerUnreachableException("10.4.0.10:7420", "connection refused", false)));
  }
}
