package io.raftvip.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.liveness.LeaderVerdict;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PreVotePolicyTest {

  /** A follower of n1, silent for {@code silenceMs}, with the given verdict; its log is at 3:10. */
  private static VoterState follower(long silenceMs, LeaderVerdict verdict) {
    return new VoterState(true, "n1", silenceMs, verdict, 600, true, 0, 0, 3, 10);
  }

  private static PreVotePolicy.Decision decide(VoterState v) {
    return PreVotePolicy.decide("n3", 3, 10, v);
  }

  @Test
  void aLiveLeader_refusesThePreVote() {
    final var d = decide(follower(40, LeaderVerdict.LIVE));
    assertEquals(PreVotePolicy.Kind.REJECT, d.kind());
    assertEquals("leader n1 was heard from 40 ms ago", d.reason());
  }

  @Test
  void aStalledLeader_refusesThePreVote_untilTheElectionTimeout() {
    final var d = decide(follower(400, LeaderVerdict.STALLED));
    assertEquals(PreVotePolicy.Kind.REJECT, d.kind());
    assertTrue(d.reason().contains("stalled, not gone"), d.reason());
    assertEquals(PreVotePolicy.Kind.PASS_TO_RATIS, decide(follower(600, LeaderVerdict.STALLED)).kind(),
        "from the election timeout on, Ratis' own rule applies");
  }

  @Test
  void anUnprobedLeader_refusesForNow() {
    assertEquals(PreVotePolicy.Kind.REJECT, decide(follower(200, LeaderVerdict.UNKNOWN)).kind());
    assertTrue(PreVotePolicy.waitsForProbe(follower(200, LeaderVerdict.UNKNOWN)));
  }

  @Test
  void aGoneLeader_grantsAsRatisWouldWithoutItsLeaderCheck() {
    final var d = decide(follower(200, LeaderVerdict.GONE));
    assertEquals(PreVotePolicy.Kind.GRANT, d.kind());
    assertEquals("leader n1 is gone (silent 200 ms, its port does not answer)", d.reason());
  }

  @Test
  void aGoneLeader_stillRefusesAnOutOfDateCandidate() {
    assertEquals(PreVotePolicy.Kind.REJECT,
        PreVotePolicy.decide("n3", 3, 9, follower(200, LeaderVerdict.GONE)).kind(), "shorter log");
    assertEquals(PreVotePolicy.Kind.REJECT,
        PreVotePolicy.decide("n3", 2, 20, follower(200, LeaderVerdict.GONE)).kind(), "older term");
    assertEquals(PreVotePolicy.Kind.GRANT,
        PreVotePolicy.decide("n3", 4, 1, follower(200, LeaderVerdict.GONE)).kind(), "newer term");
  }

  @Test
  void aGoneLeader_stillHonoursMembershipAndPriority() {
    final VoterState notMember = new VoterState(true, "n1", 200, LeaderVerdict.GONE, 600, false, 0, 0, 3, 10);
    assertEquals(PreVotePolicy.Kind.REJECT, decide(notMember).kind());
    final VoterState higherPriority = new VoterState(true, "n1", 200, LeaderVerdict.GONE, 600, true, 0, 5, 3, 10);
    assertEquals("our priority 5 is higher than the candidate's 0", decide(higherPriority).reason());
    final VoterState notVoting = new VoterState(true, "n1", 200, LeaderVerdict.GONE, 600, true, 0, -1, 3, 10);
    assertEquals(PreVotePolicy.Kind.REJECT, decide(notVoting).kind());
  }

  @Test
  void everythingElse_isLeftToRatis() {
    final VoterState leader = new VoterState(false, "n2", 0, LeaderVerdict.LIVE, 600, true, 0, 0, 3, 10);
    assertEquals(PreVotePolicy.Kind.PASS_TO_RATIS, decide(leader).kind(), "not a follower");
    final VoterState leaderless = new VoterState(true, "", 900, LeaderVerdict.LIVE, 600, true, 0, 0, 3, 10);
    assertEquals(PreVotePolicy.Kind.PASS_TO_RATIS, decide(leaderless).kind(), "no leader known");
    assertEquals(PreVotePolicy.Kind.PASS_TO_RATIS,
        PreVotePolicy.decide("n1", 3, 10, follower(200, LeaderVerdict.GONE)).kind(), "the leader itself asks");
  }
}
