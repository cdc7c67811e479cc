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

  RaftPeer toRaftPeer() {
    return RaftPeer.newBuilder().setId(RaftPeerId.valueOf(id)).setAddress(address)
        .setPriority(priority).build();
  }

  static PeerSpec of(RaftPeer peer) {
    return new PeerSpec(peer.getId().toString(), peer.getAddress(), peer.getPriority());
  }
}
