package io.raftvip.raft;

import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;

/**
 * A Raft member as raftvip describes it.
 *
 * @param id node id
 * @param address Raft address HOST:PORT
 * @param priority leadership priority (higher is preferred; 0 = no preference)
 */
public record PeerSpec(String id, String address, int priority) {

  /**
   * The member as Ratis sees it: with priority 0 always. Ratis moves leadership to a member of
   * higher priority by itself; raftvip decides that itself (health, preemption) and keeps the
   * priorities in its replicated state instead.
   */
  RaftPeer toRaftPeer() {
    return RaftPeer.newBuilder().setId(RaftPeerId.valueOf(id)).setAddress(address).build();
  }
}
