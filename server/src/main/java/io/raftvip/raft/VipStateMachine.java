package io.raftvip.raft;

import com.google.protobuf.InvalidProtocolBufferException;
import io.raftvip.proto.state.v1.Command;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import org.apache.ratis.proto.RaftProtos.LogEntryProto;
import org.apache.ratis.proto.RaftProtos.RaftConfigurationProto;
import org.apache.ratis.proto.RaftProtos.RoleInfoProto;
import org.apache.ratis.protocol.Message;
import org.apache.ratis.protocol.RaftGroupMemberId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.statemachine.TransactionContext;
import org.apache.ratis.statemachine.impl.BaseStateMachine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The replicated state machine. The membership lives in Raft's configuration entries and
 * ownership follows leadership; what raftvip replicates itself — each member's health and
 * priority, the reason of the last ownership move — is applied to a {@link ClusterState}. It also
 * forwards Ratis' leadership and membership notifications.
 */
final class VipStateMachine extends BaseStateMachine {

  private static final Logger LOG = LoggerFactory.getLogger(VipStateMachine.class);

  private final RaftEventListener listener;
  private final ClusterState state;

  VipStateMachine(RaftEventListener listener, ClusterState state) {
    this.listener = listener;
    this.state = state;
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    final LogEntryProto entry = trx.getLogEntry();
    if (entry.hasStateMachineLogEntry()) {
      try {
        state.apply(Command.parseFrom(entry.getStateMachineLogEntry().getLogData().toByteArray()));
        listener.stateChanged();
      } catch (InvalidProtocolBufferException e) {
        // Unreadable entries are skipped, not fatal: the state they carry is advisory (health,
        // priorities, notes) and the next report replaces it.
        LOG.warn("skipping an unreadable raftvip entry at {}: {}", entry.getIndex(), e.getMessage());
      }
    }
    updateLastAppliedTermIndex(entry.getTerm(), entry.getIndex());
    return CompletableFuture.completedFuture(Message.EMPTY);
  }

  @Override
  public CompletableFuture<Message> query(Message request) {
    return CompletableFuture.completedFuture(Message.EMPTY);
  }

  @Override
  public void notifyLeaderChanged(RaftGroupMemberId memberId, RaftPeerId newLeaderId) {
    final long term = getServer().thenApply(s -> {
      try {
        return s.getDivision(memberId.getGroupId()).getInfo().getCurrentTerm();
      } catch (java.io.IOException e) {
        return -1L;
      }
    }).getNow(-1L);
    listener.leaderChanged(newLeaderId == null ? "" : newLeaderId.toString(), term);
  }

  @Override
  public void notifyLeaderReady() {
    listener.leaderReady();
  }

  @Override
  public void notifyNotLeader(Collection<TransactionContext> pendingEntries) {
    listener.leadershipLost();
  }

  @Override
  public void notifyConfigurationChanged(long term, long index, RaftConfigurationProto conf) {
    listener.membershipChanged();
  }

  /** {@code allServer} is true when the whole server closes (the daemon stopping): not news. */
  @Override
  public void notifyServerShutdown(RoleInfoProto roleInfo, boolean allServer) {
    if (!allServer) {
      listener.divisionClosed();
    }
  }
}
