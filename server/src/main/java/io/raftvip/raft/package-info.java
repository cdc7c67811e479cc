/**
 * The embedded Apache Ratis group: server set-up, the state machine that reports leadership
 * changes, and raftvip's own leader lease built on the send times of acknowledged heartbeats.
 * Also raftvip's member-to-member service on the Raft port (raftvip.peer.v1.Peer, Ratis' shaded
 * gRPC, the Raft TLS): a starting member's survey of the others, and the changes a member
 * forwards to the leader.
 */
package io.raftvip.raft;
