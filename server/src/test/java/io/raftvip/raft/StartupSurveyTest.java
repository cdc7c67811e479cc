package io.raftvip.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.proto.peer.v1.DescribeResponse;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class StartupSurveyTest {

  private static final String MINE = "election-timeout 600ms..900ms, heartbeat 40ms, lease 100ms,"
      + " dead-leader-timeout 160ms, probe-timeout 80ms";
  private static final String THEIRS = "election-timeout 600ms..900ms, heartbeat 40ms, lease 120ms,"
      + " dead-leader-timeout 160ms, probe-timeout 80ms";

  private static StartupSurvey.Answer answer(String id, String timing, String... members) {
    return new StartupSurvey.Answer(id, DescribeResponse.newBuilder().setNode(id).setTiming(timing)
        .addAllMembers(List.of(members)).build());
  }

  @Test
  void aMemberWithOtherTiming_isNamedWithBothValuesAndTheFix() {
    final StartupSurvey s = new StartupSurvey(List.of(answer("n1", MINE, "n1", "n2", "n3"),
        answer("n2", THEIRS, "n1", "n2", "n3")), List.of("n3"));
    final String message = s.timingMismatch("n4", MINE).orElseThrow();
    assertTrue(message.startsWith("n4: refusing to join: every member must run with the same timing, but this"
        + " node is configured with " + MINE + " while n2 runs with " + THEIRS), message);
    assertTrue(message.contains("stop every member, change all configurations, then start them again"), message);
  }

  @Test
  void agreementOrSilence_isNoMismatch() {
    assertEquals(Optional.empty(), new StartupSurvey(List.of(answer("n1", MINE)), List.of("n2")).timingMismatch("n3", MINE));
    assertEquals(Optional.empty(), new StartupSurvey(List.of(), List.of("n1", "n2")).timingMismatch("n3", MINE));
  }

  @Test
  void aNodeNoAnswerLists_isNotAMemberYet() {
    final StartupSurvey s = new StartupSurvey(List.of(answer("n1", MINE, "n1", "n2", "n3")), List.of());
    assertEquals(Optional.of("n1 knows the members n1, n2, n3"), s.notYetAMember("n4"));
    assertEquals(Optional.empty(), s.notYetAMember("n2"));
  }

  @Test
  void aPeerThatKnowsNoMembersYet_saysNothingAboutMembership() {
    final StartupSurvey s = new StartupSurvey(List.of(answer("n1", MINE)), List.of());
    assertEquals(Optional.empty(), s.notYetAMember("n4"));
  }
}
