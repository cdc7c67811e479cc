package io.raftvip.raft;

import io.raftvip.proto.v1.AddMemberRequest;
import io.raftvip.proto.v1.ListMembersResponse;
import io.raftvip.proto.v1.RemoveMemberRequest;
import io.raftvip.proto.v1.TransferOwnershipRequest;
import io.raftvip.proto.v1.TransferOwnershipResponse;
import java.util.concurrent.CompletableFuture;

/**
 * What a member does with a change another member forwarded to it as the leader
 * (raftvip.peer.v1.Peer, served on the Raft port). Implemented by the node's admin side.
 *
 * <p>A refusal completes the future with (or throws) an {@link io.grpc.StatusRuntimeException} of
 * the admin API's gRPC; its code, description and text trailers reach the forwarding member
 * unchanged. Anything else is reported to it as INTERNAL and logged as a bug.
 */
public interface ForwardedChanges {

  /**
   * @param via the member that forwards the request
   * @param request the operator's request
   * @return the members after the change
   */
  CompletableFuture<ListMembersResponse> addMember(String via, AddMemberRequest request);

  /**
   * @param via the member that forwards the request
   * @param request the operator's request
   * @return the members after the change
   */
  CompletableFuture<ListMembersResponse> removeMember(String via, RemoveMemberRequest request);

  /**
   * @param via the member that forwards the request
   * @param request the operator's request
   * @return the previous and the new owner
   */
  CompletableFuture<TransferOwnershipResponse> transfer(String via, TransferOwnershipRequest request);
}
