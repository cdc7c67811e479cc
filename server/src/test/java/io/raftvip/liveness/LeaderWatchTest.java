package io.raftvip.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LeaderWatchTest {

  private final LeaderWatch watch = new LeaderWatch(Duration.ofMillis(160));
  /** "Now" on the monotonic clock: 10 s, so that silences reach back without going negative. */
  private static final long NOW = TimeUnit.SECONDS.toNanos(10);

  private static long msAgo(long ms) {
    return NOW - TimeUnit.MILLISECONDS.toNanos(ms);
  }

  @Test
  void heardWithinTheDeadLeaderTimeout_isLive_whateverAProbeSaid() {
    watch.record("n1", msAgo(5), PortAnswer.REFUSED);
    assertEquals(LeaderVerdict.LIVE, watch.judge("n1", 159, NOW));
  }

  @Test
  void silentWithoutAProbeSentSinceTheSilenceBegan_isUnknown() {
    assertEquals(LeaderVerdict.UNKNOWN, watch.judge("n1", 200, NOW));
    watch.record("n1", msAgo(250), PortAnswer.REFUSED); // sent before the silence: says nothing about it
    assertEquals(LeaderVerdict.UNKNOWN, watch.judge("n1", 200, NOW));
  }

  @Test
  void silentButItsPortAccepts_isStalled() {
    watch.record("n1", msAgo(30), PortAnswer.ACCEPTED);
    assertEquals(LeaderVerdict.STALLED, watch.judge("n1", 200, NOW));
  }

  @Test
  void silentAndItsPortRefusesOrStaysSilent_isGone() {
    watch.record("n1", msAgo(30), PortAnswer.REFUSED);
    assertEquals(LeaderVerdict.GONE, watch.judge("n1", 200, NOW));
    watch.record("n1", msAgo(20), PortAnswer.SILENT);
    assertEquals(LeaderVerdict.GONE, watch.judge("n1", 200, NOW));
  }

  @Test
  void theNewestProbeWins_soALeaderThatAnswersAgainIsNoLongerGone() {
    watch.record("n1", msAgo(40), PortAnswer.SILENT);
    watch.record("n1", msAgo(10), PortAnswer.ACCEPTED);
    assertEquals(LeaderVerdict.STALLED, watch.judge("n1", 200, NOW));
    watch.record("n1", msAgo(30), PortAnswer.SILENT); // an older probe finishing late changes nothing
    assertEquals(LeaderVerdict.STALLED, watch.judge("n1", 200, NOW));
  }

  @Test
  void aProbeOfAnotherLeader_saysNothingAboutThisOne() {
    watch.record("n2", msAgo(10), PortAnswer.REFUSED);
    assertEquals(LeaderVerdict.UNKNOWN, watch.judge("n1", 200, NOW));
    assertNull(watch.lastAnswer("n1"));
    assertEquals(PortAnswer.REFUSED, watch.lastAnswer("n2"));
  }

  @Test
  void probedRecently_onlyCountsProbesOfThisLeaderSentSinceTheSilenceBegan() {
    final long silentSince = msAgo(200);
    assertFalse(watch.probedRecently("n1", silentSince, NOW, TimeUnit.MILLISECONDS.toNanos(40)));
    watch.record("n1", msAgo(30), PortAnswer.ACCEPTED);
    assertTrue(watch.probedRecently("n1", silentSince, NOW, TimeUnit.MILLISECONDS.toNanos(40)));
    assertFalse(watch.probedRecently("n1", silentSince, NOW, TimeUnit.MILLISECONDS.toNanos(20)), "due again");
    assertFalse(watch.probedRecently("n2", silentSince, NOW, TimeUnit.MILLISECONDS.toNanos(40)));
  }

  @Test
  void grantsAndContending_areRemembered() {
    assertFalse(watch.grantedWithin(NOW, TimeUnit.MILLISECONDS.toNanos(40)));
    watch.grantedPreVote(msAgo(30));
    assertTrue(watch.grantedWithin(NOW, TimeUnit.MILLISECONDS.toNanos(40)));
    assertFalse(watch.grantedWithin(NOW, TimeUnit.MILLISECONDS.toNanos(20)));
    assertFalse(watch.contending());
    watch.contending(true);
    assertTrue(watch.contending());
  }
}
