package io.raftvip.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.raftvip.health.Readiness;
import io.raftvip.raft.MemberHealth;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class OwnerChooserTest {

  private static final MemberHealth HEALTHY = new MemberHealth(MemberHealth.Status.HEALTHY, Instant.EPOCH, "", "");
  private static final MemberHealth SICK =
      new MemberHealth(MemberHealth.Status.UNHEALTHY, Instant.EPOCH, "apiserver", "HTTP 503");
  private static final MemberHealth UNKNOWN = MemberHealth.UNREPORTED;

  private static OwnerChooser.Candidate self(MemberHealth h, int priority) {
    return new OwnerChooser.Candidate("n1", true, true, true, h, priority);
  }

  private static OwnerChooser.Candidate other(String id, MemberHealth h, int priority) {
    return new OwnerChooser.Candidate(id, false, true, true, h, priority);
  }

  private static Optional<OwnerChooser.Move> gated(List<OwnerChooser.Candidate> members) {
    return OwnerChooser.decide(new OwnerChooser.Situation(members, true, false, false, false));
  }

  @Test
  void unhealthyOwner_movesToAHealthyMember_theBestPlacedOne() {
    assertEquals(Optional.of(new OwnerChooser.Move("n3", "owner unhealthy (apiserver: HTTP 503)")),
        gated(List.of(self(SICK, 5), other("n2", HEALTHY, 0), other("n3", HEALTHY, 1))));
  }

  @Test
  void unhealthyOwner_keepsTheVip_whenNoMemberIsHealthy() {
    assertEquals(Optional.empty(), gated(List.of(self(SICK, 0), other("n2", SICK, 0), other("n3", UNKNOWN, 0))));
  }

  @Test
  void aMoveGoesOnlyToAMemberThatCanTakeItNow() {
    final var unreachable = new OwnerChooser.Candidate("n2", false, false, true, HEALTHY, 0);
    final var behind = new OwnerChooser.Candidate("n3", false, true, false, HEALTHY, 0);
    assertEquals(Optional.empty(), gated(List.of(self(SICK, 0), unreachable, behind)));
  }

  @Test
  void healthyOrUnknownOwner_staysWithoutPreemption() {
    assertEquals(Optional.empty(), gated(List.of(self(HEALTHY, 0), other("n2", HEALTHY, 9))));
    assertEquals(Optional.empty(), gated(List.of(self(UNKNOWN, 0), other("n2", HEALTHY, 9))));
  }

  @Test
  void preemption_movesToAHealthyMemberOfHigherPriority_unlessAnOperatorChoseThisOwner() {
    final var members = List.of(self(HEALTHY, 1), other("n2", HEALTHY, 5), other("n3", SICK, 9));
    assertEquals(Optional.of(new OwnerChooser.Move("n2", "preempting: n2 has priority 5 > 1")),
        OwnerChooser.decide(new OwnerChooser.Situation(members, true, true, false, false)));
    assertEquals(Optional.empty(),
        OwnerChooser.decide(new OwnerChooser.Situation(members, true, true, false, true)), "transfer --to honoured");
  }

  @Test
  void withoutHealthGating_preemptionIgnoresHealth() {
    final var members = List.of(self(UNKNOWN, 0), other("n2", UNKNOWN, 2));
    assertEquals("n2", OwnerChooser.decide(new OwnerChooser.Situation(members, false, true, false, false))
        .orElseThrow().to());
    assertEquals(Optional.empty(), OwnerChooser.decide(new OwnerChooser.Situation(
        List.of(self(SICK, 0), other("n2", HEALTHY, 0)), false, false, false, false)), "no gating, no health moves");
  }

  @Test
  void holdDown_blocksEveryMoveOfTheLeadersOwn() {
    assertEquals(Optional.empty(), OwnerChooser.decide(new OwnerChooser.Situation(
        List.of(self(SICK, 0), other("n2", HEALTHY, 9)), true, true, true, false)));
  }

  @Test
  void confirmedMove_skipsAMemberThatMayNotTakeTheVipNow_andAsksTheNextBest() {
    final var members = List.of(self(SICK, 0), other("n2", HEALTHY, 5), other("n3", HEALTHY, 1));
    final List<String> asked = new ArrayList<>();
    final Map<String, Readiness> answers = Map.of(
        "n2", Readiness.no("its latest checks failed (apiserver: HTTP 503)"), "n3", Readiness.yes());
    final OwnerChooser.Decision d = OwnerChooser.decideConfirmed(
        new OwnerChooser.Situation(members, true, false, false, false), id -> {
          asked.add(id);
          return answers.get(id);
        });
    assertEquals(Optional.of(new OwnerChooser.Move("n3", "owner unhealthy (apiserver: HTTP 503)")), d.move());
    assertEquals(List.of("n2", "n3"), asked);
    assertEquals(List.of("n2: its latest checks failed (apiserver: HTTP 503)"), d.refused());
  }

  @Test
  void confirmedMove_keepsTheVip_whenEveryHealthyMemberRefuses() {
    final var members = List.of(self(SICK, 0), other("n2", HEALTHY, 0), other("n3", HEALTHY, 0));
    final OwnerChooser.Decision d = OwnerChooser.decideConfirmed(
        new OwnerChooser.Situation(members, true, false, false, false), id -> Readiness.no("its health is not known yet"));
    assertEquals(Optional.empty(), d.move());
    assertEquals(List.of("n2: its health is not known yet", "n3: its health is not known yet"), d.refused());
  }

  @Test
  void withoutHealthGating_nobodyIsAsked() {
    final var members = List.of(self(UNKNOWN, 0), other("n2", UNKNOWN, 2));
    final OwnerChooser.Decision d = OwnerChooser.decideConfirmed(
        new OwnerChooser.Situation(members, false, true, false, false), id -> {
          throw new AssertionError("asked " + id);
        });
    assertEquals("n2", d.move().orElseThrow().to());
  }
}
