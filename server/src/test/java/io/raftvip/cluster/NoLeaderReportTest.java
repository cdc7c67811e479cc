package io.raftvip.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Status;
import io.raftvip.admin.AdminException;
import io.raftvip.liveness.PortAnswer;
import io.raftvip.raft.MemberView;
import io.raftvip.raft.PeerSpec;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The UNAVAILABLE answer to a change that reached a node without a leader. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class NoLeaderReportTest {

  private static final List<MemberView> MEMBERS = List.of(
      new MemberView(new PeerSpec("n1", "10.4.0.10:7420", 0), false, -1),
      new MemberView(new PeerSpec("n2", "10.4.0.11:7420", 0), false, -1),
      new MemberView(new PeerSpec("n3", "10.4.0.12:7420", 0), false, -1));

  private static AdminException refusal(Route route, List<MemberView> members, Map<String, PortAnswer> ports)
      throws Exception {
    return new NoLeaderReport("n2", (address, timeout) -> ports.getOrDefault(address, PortAnswer.SILENT))
        .refusal("transfer ownership", route, members).get(5, TimeUnit.SECONDS);
  }

  @Test
  void cutOff_noOtherMemberAnswers() throws Exception {
    final AdminException e = refusal(Route.decide("n2", false, "n1", 2300, 900, MEMBERS), MEMBERS, Map.of());
    assertEquals(Status.Code.UNAVAILABLE, e.code());
    assertEquals("cannot transfer ownership: no leader: quorum lost? members reachable from here: n2 (this node);"
        + " not reachable: n1 (10.4.0.10:7420 no answer), n3 (10.4.0.12:7420 no answer) (the last leader, n1, has"
        + " not been heard from for 2300 ms; a leader needs 2 of the 3 members; retry once a majority is back)",
        e.getMessage());
  }

  @Test
  void everyoneAnswers_anElectionIsProbablyUnderWay() throws Exception {
    final AdminException e = refusal(Route.decide("n2", false, "", -1, 900, MEMBERS), MEMBERS,
        Map.of("10.4.0.10:7420", PortAnswer.ACCEPTED, "10.4.0.12:7420", PortAnswer.ACCEPTED));
    assertEquals("cannot transfer ownership: no leader: quorum lost? members reachable from here: n2 (this node), n1,"
        + " n3 (no leader known to n2; a leader needs 2 of the 3 members; retry once a majority is back or an"
        + " election is over)", e.getMessage());
  }

  @Test
  void aNodeThatIsNoMemberYet_saysSo() throws Exception {
    final AdminException e = refusal(Route.decide("n2", false, "", -1, 900, List.of()), List.of(), Map.of());
    assertEquals("cannot transfer ownership: no leader: n2 is not a member (yet): it knows no leader to forward to;"
        + " send the change to a member", e.getMessage());
  }
}
