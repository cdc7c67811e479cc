package io.raftvip.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.raftvip.raft.MemberView;
import io.raftvip.raft.PeerSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class OwnershipHandOverTest {

  private static MemberView member(String id, int priority, long ackAgeMs) {
    return new MemberView(new PeerSpec(id, id + ":7420", priority), false, ackAgeMs);
  }

  @Test
  void prefersHigherPriority_thenFresherContact() {
    assertEquals(Optional.of("b"), OwnershipHandOver.bestTarget(
        List.of(member("a", 0, 5), member("b", 2, 40), member("c", 2, 60)), 200));
    assertEquals(Optional.of("a"), OwnershipHandOver.bestTarget(
        List.of(member("a", 0, 5), member("c", 0, 60)), 200));
  }

  @Test
  void skipsUnreachableAndUnknownMembers() {
    assertEquals(Optional.of("c"), OwnershipHandOver.bestTarget(
        List.of(member("a", 5, 900), member("b", 5, -1), member("c", 0, 10)), 200));
    assertEquals(Optional.empty(), OwnershipHandOver.bestTarget(List.of(member("a", 0, 900)), 200));
  }
}
