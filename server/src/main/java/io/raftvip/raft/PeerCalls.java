package io.raftvip.raft;

/**
 * raftvip's own calls between members on the Raft port (raftvip.peer.v1.Peer), apart from
 * Describe, which a node needs before its Raft server exists: the changes a follower forwards to
 * the leader and the readiness an owner asks of a member before it moves the VIP there, each with
 * its serving and its asking side.
 */
record PeerCalls(PeerChangeService changes, PeerChangeClient changeClient, PeerReadinessService readiness,
                 PeerReadinessClient readinessClient) {
}
