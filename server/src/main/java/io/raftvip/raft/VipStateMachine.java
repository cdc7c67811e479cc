package io.raftvip.raft;

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

/**
 * The replicated state machine. raftvip replicates no data of its own — the membership lives in
 * Raft's configuration entries and ownership follows leadership — so this machine only applies
 * entries (Ratis' leader no-ops) and forwards Ratis' leadership and membership notifications.
 */
final class VipStateMachine extends BaseStateMachine {

  private final RaftEventListener listener;

  VipStateMachine(RaftEventListener listener) {
    this.listener = listener;
  }

  @Override
  public CompletableFuture<Message> applyTransaction(TransactionContext trx) {
    final LogEntryProto entry = trx.getLogEntry();
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
