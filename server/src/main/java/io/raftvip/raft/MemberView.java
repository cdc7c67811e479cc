package io.raftvip.raft;

/**
 * A member of the current Raft configuration as this node sees it.
 *
 * @param peer id, address, priority
 * @param leader whether this node believes the member is the leader
 * @param ackAgeMs on the leader, ms since the send time of the newest heartbeat the member
 *                 answered; 0 for the leader itself; -1 when unknown (this node is not leader)
 */
public record MemberView(PeerSpec peer, boolean leader, long ackAgeMs) {
}
