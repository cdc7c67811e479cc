package io.raftvip.cluster;

import io.raftvip.admin.AdminBackend;
import io.raftvip.admin.AdminService;
import io.raftvip.admin.ErrorTranslator;
import io.raftvip.admin.RequestValidator;
import io.raftvip.proto.v1.AddMemberRequest;
import io.raftvip.proto.v1.ListMembersResponse;
import io.raftvip.proto.v1.RemoveMemberRequest;
import io.raftvip.proto.v1.TransferOwnershipRequest;
import io.raftvip.proto.v1.TransferOwnershipResponse;
import io.raftvip.raft.ForwardedChanges;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leader's side of forwarding: a change another member took from an operator is validated
 * and carried out by this node's own backend, exactly as if the operator had sent it here, and
 * every refusal becomes the status the operator would have got here. The backend is never a
 * forwarding one: a node that is not the leader answers "not the leader; leader is X" (with X in
 * a trailer) instead of forwarding further.
 */
public final class ForwardedChangeHandler implements ForwardedChanges {

  private static final Logger LOG = LoggerFactory.getLogger(ForwardedChangeHandler.class);

  private final String selfId;
  private final AdminBackend local;

  /** @param local the backend that carries changes out on this node (a {@link ClusterAdmin}) */
  public ForwardedChangeHandler(String selfId, AdminBackend local) {
    this.selfId = selfId;
    this.local = local;
  }

  @Override
  public CompletableFuture<ListMembersResponse> addMember(String via, AddMemberRequest request) {
    return carryOut("AddMember " + request.getId(), via, () -> {
      RequestValidator.checkId("id", request.getId());
      RequestValidator.checkAddress("address", request.getAddress());
      RequestValidator.checkPriority("priority", request.getPriority());
      return local.addMember(request.getId(), request.getAddress(), request.getPriority())
          .thenApply(m -> ListMembersResponse.newBuilder().addAllMembers(m).build());
    });
  }

  @Override
  public CompletableFuture<ListMembersResponse> removeMember(String via, RemoveMemberRequest request) {
    return carryOut("RemoveMember " + request.getId(), via, () -> {
      RequestValidator.checkId("id", request.getId());
      return local.removeMember(request.getId())
          .thenApply(m -> ListMembersResponse.newBuilder().addAllMembers(m).build());
    });
  }

  @Override
  public CompletableFuture<TransferOwnershipResponse> transfer(String via, TransferOwnershipRequest request) {
    return carryOut("TransferOwnership" + (request.getTo().isEmpty() ? "" : " to " + request.getTo()), via, () -> {
      if (!request.getTo().isEmpty()) {
        RequestValidator.checkId("to", request.getTo());
      }
      return local.transfer(request.getTo());
    });
  }

  private <T> CompletableFuture<T> carryOut(String rpc, String via, Supplier<CompletableFuture<T>> change) {
    LOG.info("{}: {} forwarded by {}", selfId, rpc, via);
    CompletableFuture<T> started;
    try {
      started = change.get();
    } catch (RuntimeException e) {
      started = CompletableFuture.failedFuture(e);
    }
    return started.handle((answer, failure) -> {
      if (failure != null) {
        throw ErrorTranslator.translate(rpc, failure, AdminService.DEFAULT_BACKEND_TIMEOUT);
      }
      return answer;
    });
  }
}
