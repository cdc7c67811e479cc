package io.raftvip.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.raftvip.admin.AdminBackend;
import io.raftvip.admin.AdminException;
import io.raftvip.admin.NotLeaderException;
import io.raftvip.proto.v1.AddMemberRequest;
import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.Member;
import io.raftvip.proto.v1.RemoveMemberRequest;
import io.raftvip.proto.v1.TransferOwnershipRequest;
import io.raftvip.proto.v1.TransferOwnershipResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The leader's side of forwarding: the same checks and the same answers as on its own admin API. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ForwardedChangeHandlerTest {

  private final List<String> carriedOut = new ArrayList<>();
  private RuntimeException refusal;

  private final AdminBackend local = new AdminBackend() {
    @Override public io.raftvip.proto.v1.Status status() {
      return io.raftvip.proto.v1.Status.getDefaultInstance();
    }

    @Override public List<Member> members() {
      return List.of();
    }

    @Override public CompletableFuture<List<Member>> addMember(String id, String address, int priority) {
      carriedOut.add("add " + id);
      if (refusal != null) {
        throw refusal;
      }
      return CompletableFuture.completedFuture(List.of(Member.newBuilder().setId(id).build()));
    }

    @Override public CompletableFuture<List<Member>> removeMember(String id) {
      carriedOut.add("remove " + id);
      return CompletableFuture.failedFuture(refusal);
    }

    @Override public CompletableFuture<TransferOwnershipResponse> transfer(String toOrEmpty) {
      carriedOut.add("transfer to '" + toOrEmpty + "'");
      return CompletableFuture.completedFuture(TransferOwnershipResponse.newBuilder().setOwner("n3").build());
    }

    @Override public AutoCloseable subscribe(Consumer<Event> listener) {
      return () -> { };
    }
  };

  private final ForwardedChangeHandler handler = new ForwardedChangeHandler("n1", local);

  private static StatusRuntimeException refused(CompletableFuture<?> f) {
    final ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS));
    return assertInstanceOf(StatusRuntimeException.class, e.getCause());
  }

  @Test
  void aValidChange_isCarriedOutHere() throws Exception {
    assertEquals("n4", handler.addMember("n2", AddMemberRequest.newBuilder().setId("n4")
        .setAddress("10.4.0.13:7420").build()).get().getMembers(0).getId());
    assertEquals("n3", handler.transfer("n2", TransferOwnershipRequest.getDefaultInstance()).get().getOwner());
    assertEquals(List.of("add n4", "transfer to ''"), carriedOut);
  }

  @Test
  void anInvalidRequest_isRefusedAsHere_beforeAnythingHappens() {
    final StatusRuntimeException e = refused(handler.addMember("n2",
        AddMemberRequest.newBuilder().setId("bad!id").setAddress("10.4.0.13:7420").build()));
    assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertEquals(Status.Code.INVALID_ARGUMENT, refused(handler.transfer("n2",
        TransferOwnershipRequest.newBuilder().setTo("no way").build())).getStatus().getCode());
    assertEquals(List.of(), carriedOut);
  }

  @Test
  void notTheLeaderAnyMore_isAPrecondition_withTheLeaderInATrailer_andNoFurtherHop() {
    refusal = new NotLeaderException("add a member", "n3");
    final StatusRuntimeException e = refused(handler.addMember("n2",
        AddMemberRequest.newBuilder().setId("n4").setAddress("10.4.0.13:7420").build()));
    assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
    assertEquals("cannot add a member here: not the leader; leader is n3", e.getStatus().getDescription());
    assertEquals("n3", e.getTrailers().get(Metadata.Key.of(NotLeaderException.LEADER_TRAILER,
        Metadata.ASCII_STRING_MARSHALLER)));
  }

  @Test
  void theLeadersRefusal_keepsItsCodeAndMessage() {
    refusal = new AdminException(Status.Code.FAILED_PRECONDITION, "refusing to remove 'n3': only 1 of the remaining"
        + " 2 members are reachable, fewer than the 2 needed for a majority; bring members back first");
    final StatusRuntimeException e = refused(handler.removeMember("n2", RemoveMemberRequest.newBuilder().setId("n3").build()));
    assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
    assertEquals(refusal.getMessage(), e.getStatus().getDescription());
  }
}
