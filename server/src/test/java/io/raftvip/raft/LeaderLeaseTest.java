package io.raftvip.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LeaderLeaseTest {

  private final LeaderLease lease = new LeaderLease(70);
  private final RaftPeerId n1 = RaftPeerId.valueOf("n1");

  private static List<RaftPeer> peers(String... ids) {
    return java.util.Arrays.stream(ids)
        .map(id -> RaftPeer.newBuilder().setId(id).setAddress("h:1").build()).toList();
  }

  private long remaining(List<RaftPeer> cur, List<RaftPeer> prev, Map<String, Long> ages) {
    return lease.remainingMs(n1, cur, prev, id -> Optional.ofNullable(ages.get(id.toString())));
  }

  @Test
  void threeNodes_oneFreshFollowerIsEnough() {
    assertEquals(60, remaining(peers("n1", "n2", "n3"), List.of(), Map.of("n2", 10L, "n3", 500L)));
  }

  @Test
  void threeNodes_usesTheFreshestFollower() {
    assertEquals(65, remaining(peers("n1", "n2", "n3"), List.of(), Map.of("n2", 40L, "n3", 5L)));
  }

  @Test
  void threeNodes_noAcknowledgement_isNoLease() {
    assertEquals(0, remaining(peers("n1", "n2", "n3"), List.of(), Map.of()));
  }

  @Test
  void staleAcknowledgements_expireTheLease() {
    assertEquals(-30, remaining(peers("n1", "n2", "n3"), List.of(), Map.of("n2", 100L, "n3", 120L)));
  }

  @Test
  void fiveNodes_needTwoFollowers() {
    assertEquals(40, remaining(peers("n1", "n2", "n3", "n4", "n5"), List.of(),
        Map.of("n2", 10L, "n3", 30L, "n4", 900L)));
  }

  @Test
  void singleNode_isItsOwnMajority() {
    assertEquals(Long.MAX_VALUE, remaining(peers("n1"), List.of(), Map.of()));
  }

  @Test
  void jointConsensus_needsBothMajorities() {
    // New configuration n1,n2,n4 is fine via n2, but the old one n1,n3,n5 has no fresh follower.
    assertEquals(0, remaining(peers("n1", "n2", "n4"), peers("n1", "n3", "n5"), Map.of("n2", 10L)));
  }
}
