package io.raftvip.raft;

import io.raftvip.proto.v1.AddMemberRequest;
import io.raftvip.proto.v1.ListMembersResponse;
import io.raftvip.proto.v1.RemoveMemberRequest;
import io.raftvip.proto.v1.TransferOwnershipRequest;
import io.raftvip.proto.v1.TransferOwnershipResponse;
import java.util.concurrent.CompletableFuture;

/**
 * Sends a change an operator gave this member to the leader, to be carried out there (the
 * forwarding side of raftvip.peer.v1.Peer). The test seam of the admin side's forwarding.
 *
 * <p>Each future fails with a {@link io.grpc.StatusRuntimeException} when the leader answered with
 * an error (code, description and text trailers as it sent them; UNIMPLEMENTED from a raftvip too
 * old to take forwarded changes), or with a {@link PeerUnreachableException} when no answer came.
 */
public interface ChangeForwarder {

  /** Forwards an AddMember to the leader at {@code leaderAddress} (its Raft HOST:PORT). */
  CompletableFuture<ListMembersResponse> addMember(String leaderAddress, AddMemberRequest request);

  /** Forwards a RemoveMember to the leader at {@code leaderAddress} (its Raft HOST:PORT). */
  CompletableFuture<ListMembersResponse> removeMember(String leaderAddress, RemoveMemberRequest request);

  /** Forwards a TransferOwnership to the leader at {@code leaderAddress} (its Raft HOST:PORT). */
  CompletableFuture<TransferOwnershipResponse> transfer(String leaderAddress, TransferOwnershipRequest request);
}
