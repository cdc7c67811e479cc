package io.raftvip.health;

import static io.raftvip.health.HealthStatus.HEALTHY;
import static io.raftvip.health.HealthStatus.UNHEALTHY;
import static io.raftvip.health.HealthStatus.UNKNOWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HysteresisTest {

  /** @return the status after each round, P = passed, F = failed */
  private static List<HealthStatus> play(Hysteresis h, String rounds) {
    List<HealthStatus> seen = new ArrayList<>();
    for (char round : rounds.toCharArray()) {
      h.record(round == 'P');
      seen.add(h.status());
    }
    return seen;
  }

  @Test
  void unknown_becomesHealthy_afterRisePassingRounds() {
    Hysteresis h = new Hysteresis(3, 2);
    assertEquals(UNKNOWN, h.status());
    assertNull(h.record(true));
    assertEquals(HEALTHY, h.record(true));
    assertEquals(2, h.streak());
    assertNull(h.record(true), "no second report for the same status");
  }

  @Test
  void unknown_becomesUnhealthy_afterFallFailingRounds() {
    Hysteresis h = new Hysteresis(3, 2);
    assertEquals(List.of(UNKNOWN, UNKNOWN, UNHEALTHY, UNHEALTHY), play(h, "FFFF"));
  }

  @Test
  void healthy_needsFallFailuresInARow() {
    Hysteresis h = new Hysteresis(3, 1);
    assertEquals(List.of(HEALTHY, HEALTHY, HEALTHY, HEALTHY, HEALTHY, HEALTHY, HEALTHY, HEALTHY,
        HEALTHY, UNHEALTHY), play(h, "PFFPFFPFFF"));
  }

  @Test
  void unhealthy_needsRisePassesInARow() {
    Hysteresis h = new Hysteresis(1, 3);
    assertEquals(List.of(UNHEALTHY, UNHEALTHY, UNHEALTHY, UNHEALTHY, UNHEALTHY, UNHEALTHY, HEALTHY),
        play(h, "FPPFPPP"));
  }

  @Test
  void flappingFasterThanBothThresholds_staysUnknown() {
    Hysteresis h = new Hysteresis(3, 3);
    assertEquals(UNKNOWN, play(h, "PPFFPPFFPFPPFF").get(13));
  }

  @Test
  void flappingFasterThanBothThresholds_keepsASettledStatus() {
    Hysteresis h = new Hysteresis(3, 3);
    play(h, "PPP");
    assertEquals(HEALTHY, play(h, "FFPFFPFFPPFF").get(11));
  }

  @Test
  void fallAndRiseOfOne_followEveryRound() {
    Hysteresis h = new Hysteresis(1, 1);
    assertEquals(List.of(HEALTHY, UNHEALTHY, HEALTHY), play(h, "PFP"));
  }

  @Test
  void thresholdsBelowOne_areRefused() {
    assertThrows(IllegalArgumentException.class, () -> new Hysteresis(0, 1));
    assertThrows(IllegalArgumentException.class, () -> new Hysteresis(1, 0));
  }
}
