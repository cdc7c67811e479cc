package io.raftvip.raft;

import io.raftvip.liveness.LeaderVerdict;

/**
 * raftvip's answer to a pre-vote, which extends Ratis' by one case and otherwise defers to it.
 *
 * <p>Ratis refuses a pre-vote while the voter heard from its leader within the minimum election
 * timeout. raftvip's election timeout is long (it is the stall tolerance: a leader whose process is
 * only stopped must not be replaced), so this policy also grants a pre-vote <em>before</em> it when
 * the voter's own probe shows the leader is gone: silent for the dead-leader timeout and its Raft
 * port refusing or not answering. Otherwise it refuses while the leader is live or only stalled,
 * and leaves every other case (no leader known, this node not a follower, the election timeout
 * over) to Ratis unchanged. Granting a pre-vote changes no state; the election itself is Ratis'.
 *
 * <p>Safety: no voter grants before the dead-leader timeout, and the leader lease is shorter than
 * that, so a leader cut off from the others has let go of the VIP before anyone can win.
 */
final class PreVotePolicy {

  /** What to do with a pre-vote request. */
  enum Kind { PASS_TO_RATIS, GRANT, REJECT }

  /** The decision and why, for the log. */
  record Decision(Kind kind, String reason) {
    static final Decision PASS = new Decision(Kind.PASS_TO_RATIS, "");
  }

  private PreVotePolicy() {
  }

  /**
   * @param candidateId the candidate asking
   * @param candidateLastTerm term of the candidate's last log entry
   * @param candidateLastIndex index of the candidate's last log entry
   */
  static Decision decide(String candidateId, long candidateLastTerm, long candidateLastIndex, VoterState v) {
    if (!v.follower() || v.leaderId().isEmpty() || v.leaderId().equals(candidateId)
        || v.silenceMs() >= v.electionTimeoutMinMs()) {
      return Decision.PASS;
    }
    final String leader = "leader " + v.leaderId();
    return switch (v.verdict()) {
      case LIVE -> reject(leader + " was heard from " + v.silenceMs() + " ms ago");
      case STALLED -> reject(leader + " is silent for " + v.silenceMs() + " ms but its node answers"
          + " (stalled, not gone); waiting up to the election timeout of " + v.electionTimeoutMinMs() + " ms");
      case UNKNOWN -> reject(leader + " is silent for " + v.silenceMs() + " ms; no answer to a probe yet");
      case GONE -> asRatisWould(candidateId, candidateLastTerm, candidateLastIndex, v);
    };
  }

  /** Ratis' remaining checks, without its leader check: membership, log, priority. */
  private static Decision asRatisWould(String candidateId, long candidateLastTerm, long candidateLastIndex,
                                       VoterState v) {
    final String why = "leader " + v.leaderId() + " is gone (silent " + v.silenceMs() + " ms, its port does not answer)";
    if (!v.inConf()) {
      return reject(candidateId + " is not a voting member");
    }
    if (v.ownPriority() < 0) {
      return reject("this node is not a voting member");
    }
    final int log = Long.compare(v.lastTerm(), candidateLastTerm) != 0
        ? Long.compare(v.lastTerm(), candidateLastTerm) : Long.compare(v.lastIndex(), candidateLastIndex);
    if (log < 0) {
      return grant(why + "; candidate's log is newer");
    }
    if (log > 0) {
      return reject("our log (" + v.lastTerm() + ":" + v.lastIndex() + ") is newer than the candidate's ("
          + candidateLastTerm + ":" + candidateLastIndex + ")");
    }
    if (v.ownPriority() > v.candidatePriority()) {
      return reject("our priority " + v.ownPriority() + " is higher than the candidate's " + v.candidatePriority());
    }
    return grant(why);
  }

  private static Decision grant(String reason) {
    return new Decision(Kind.GRANT, reason);
  }

  private static Decision reject(String reason) {
    return new Decision(Kind.REJECT, reason);
  }

  /** @return whether {@code verdict} alone would refuse (used to decide whether a probe could help) */
  static boolean waitsForProbe(VoterState v) {
    return v.verdict() == LeaderVerdict.UNKNOWN;
  }
}
