package io.raftvip.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.raftvip.raft.MemberHealth;
import io.raftvip.raft.MemberView;
import io.raftvip.raft.PeerSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class OwnershipHandOverTest {

  private static final Function<String, MemberHealth> NO_HEALTH = id -> MemberHealth.UNREPORTED;

  private static MemberView member(String id, int priority, long ackAgeMs) {
    return new MemberView(new PeerSpec(id, id + ":7420", priority), false, ackAgeMs);
  }

  @Test
  void prefersHigherPriority_thenFresherContact() {
    assertEquals(Optional.of("b"), OwnershipHandOver.bestTarget(
        List.of(member("a", 0, 5), member("b", 2, 40), member("c", 2, 60)), 200, NO_HEALTH));
    assertEquals(Optional.of("a"), OwnershipHandOver.bestTarget(
        List.of(member("a", 0, 5), member("c", 0, 60)), 200, NO_HEALTH));
  }

  @Test
  void prefersHealthyMembers_overPriority() {
    final Map<String, MemberHealth> health = Map.of(
        "a", new MemberHealth(MemberHealth.Status.UNHEALTHY, Instant.EPOCH, "apiserver", "HTTP 503"),
        "b", new MemberHealth(MemberHealth.Status.HEALTHY, Instant.EPOCH, "", ""));
    assertEquals(Optional.of("b"), OwnershipHandOver.bestTarget(
        List.of(member("a", 9, 5), member("b", 0, 40), member("c", 5, 10)), 200,
        id -> health.getOrDefault(id, MemberHealth.UNREPORTED)));
  }

  @Test
  void skipsUnreachableAndUnknownMembers() {
    assertEquals(Optional.of("c"), OwnershipHandOver.bestTarget(
        List.of(member("a", 5, 900), member("b", 5, -1), member("c", 0, 10)), 200, NO_HEALTH));
    assertEquals(Optional.empty(), OwnershipHandOver.bestTarget(List.of(member("a", 0, 900)), 200, NO_HEALTH));
  }
}
