package io.raftvip.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.raftvip.raft.MemberView;
import io.raftvip.raft.PeerSpec;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The forwarding decision: here, to the leader, or nowhere. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RouteTest {

  private static final List<MemberView> MEMBERS = List.of(
      new MemberView(new PeerSpec("n1", "10.4.0.10:7420", 0), true, -1),
      new MemberView(new PeerSpec("n2", "10.4.0.11:7420", 0), false, -1),
      new MemberView(new PeerSpec("n3", "10.4.0.12:7420", 0), false, -1));

  @Test
  void theLeader_carriesItOutItself() {
    assertEquals(new Route(Route.Kind.LOCAL, "n1", "", ""), Route.decide("n1", true, "n1", 0, 900, MEMBERS));
  }

  @Test
  void aFollower_forwardsToTheLeadersRaftAddress() {
    assertEquals(new Route(Route.Kind.FORWARD, "n1", "10.4.0.10:7420", ""),
        Route.decide("n2", false, "n1", 12, 900, MEMBERS));
    assertEquals(Route.Kind.FORWARD, Route.decide("n2", false, "n1", -1, 900, MEMBERS).kind(),
        "an unknown contact age does not stop it: the forward itself tells");
  }

  @Test
  void withoutALeader_nowhere() {
    final Route r = Route.decide("n2", false, "", -1, 900, MEMBERS);
    assertEquals(Route.Kind.NO_LEADER, r.kind());
    assertEquals("no leader known to n2", r.reason());
  }

  @Test
  void aLeaderSilentForAnElectionTimeout_countsAsGone() {
    final Route r = Route.decide("n2", false, "n1", 900, 900, MEMBERS);
    assertEquals(Route.Kind.NO_LEADER, r.kind());
    assertEquals("n1", r.leader());
    assertEquals("the last leader, n1, has not been heard from for 900 ms", r.reason());
  }

  @Test
  void aLeaderNamedByAnother_isHereOrForwardedTo_orUnknown() {
    assertEquals(Route.Kind.LOCAL, Route.toward("n2", "n2", MEMBERS).kind());
    assertEquals(new Route(Route.Kind.FORWARD, "n3", "10.4.0.12:7420", ""), Route.toward("n2", "n3", MEMBERS));
    final Route unknown = Route.toward("n2", "n9", MEMBERS);
    assertEquals(Route.Kind.NO_LEADER, unknown.kind());
    assertEquals("the leader, n9, is not among the members n2 knows", unknown.reason());
  }
}
