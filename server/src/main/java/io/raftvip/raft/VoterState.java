package io.raftvip.raft;

import io.raftvip.liveness.LeaderVerdict;

/**
 * What a voter knows when a pre-vote request arrives, read from its Ratis division at that
 * moment (see {@link DivisionReader}).
 *
 * @param follower this node is a follower (not leader, candidate or listener)
 * @param leaderId the leader this follower knows, or empty
 * @param silenceMs how long ago it last heard from that leader
 * @param verdict what the follower's liveness watch says about that leader
 * @param electionTimeoutMinMs the election timeout min: from this silence on Ratis' own rule applies
 * @param inConf the candidate is a voting member of the current configuration
 * @param candidatePriority the candidate's priority (valid when {@code inConf})
 * @param ownPriority this node's priority, or -1 when this node is not in the configuration
 * @param lastTerm term of this node's last log entry (0 when the log is empty)
 * @param lastIndex index of this node's last log entry (0 when the log is empty)
 */
record VoterState(boolean follower, String leaderId, long silenceMs, LeaderVerdict verdict,
                  long electionTimeoutMinMs, boolean inConf, int candidatePriority, int ownPriority,
                  long lastTerm, long lastIndex) {
}
