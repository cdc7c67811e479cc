package io.raftvip.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.raft.PeerSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The configured peers against the Raft membership, and the message that names the difference. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ConfigDriftTest {

  private static final String FILE = "/etc/raftvip/raftvip.yaml";
  private static final PeerSpec N1 = new PeerSpec("n1", "10.4.0.10:7420", 0);
  private static final PeerSpec N2 = new PeerSpec("n2", "10.4.0.11:7420", 0);
  private static final PeerSpec N3 = new PeerSpec("n3", "10.4.0.12:7420", 0);
  private static final PeerSpec N4 = new PeerSpec("n4", "10.4.0.13:7420", 0);

  @Test
  void samePeers_noDrift_inAnyOrder() {
    assertEquals(Optional.empty(), ConfigDrift.between(FILE, List.of(N1, N2, N3), List.of(N3, N1, N2)));
  }

  @Test
  void noMembership_tellsNothing() {
    assertEquals(Optional.empty(), ConfigDrift.between(FILE, List.of(N1, N2, N3, N4), List.of()),
        "a new node waiting to be added knows no members");
  }

  @Test
  void afterAddAndRemove_namesTheMissingMemberAndTheFormerOne() {
    final ConfigDrift d = ConfigDrift.between(FILE, List.of(N1, N2, N3), List.of(N2, N3, N4)).orElseThrow();
    assertEquals(List.of("n4 (10.4.0.13:7420)"), d.unlistedMembers());
    assertEquals(List.of("n1 (10.4.0.10:7420)"), d.listedNonMembers());
    assertEquals("peers in /etc/raftvip/raftvip.yaml lack n4 (10.4.0.13:7420), a member; list n1 (10.4.0.10:7420),"
        + " not a member; make them match `raftvipctl members` (a node started afresh from this file would seed the"
        + " wrong members)", d.message());
  }

  @Test
  void severalMissing_areListedTogether() {
    final ConfigDrift d = ConfigDrift.between(FILE, List.of(N1), List.of(N1, N2, N3)).orElseThrow();
    assertTrue(d.message().startsWith("peers in " + FILE + " lack n2 (10.4.0.11:7420), n3 (10.4.0.12:7420), members;"),
        d.message());
  }

  @Test
  void anotherAddressOrPriority_isNamed() {
    final ConfigDrift d = ConfigDrift.between(FILE, List.of(N1, new PeerSpec("n2", "10.4.0.99:7420", 0),
        new PeerSpec("n3", "10.4.0.12:7420", 5)), List.of(N1, N2, N3)).orElseThrow();
    assertEquals(List.of("n2: address 10.4.0.99:7420 in the file, 10.4.0.11:7420 in Raft",
        "n3: priority 5 in the file, 0 in Raft"), d.differing());
    assertTrue(d.message().startsWith("peers in " + FILE + " differ for n2: address 10.4.0.99:7420 in the file,"
        + " 10.4.0.11:7420 in Raft; n3: priority 5 in the file, 0 in Raft; make them match"), d.message());
  }

  @Test
  void ipv6Literals_compareAsAddresses_notAsText() {
    assertEquals(Optional.empty(), ConfigDrift.between(FILE, List.of(new PeerSpec("n1", "[fd00::10]:7420", 0)),
        List.of(new PeerSpec("n1", "[FD00:0:0::10]:7420", 0))));
    assertTrue(ConfigDrift.between(FILE, List.of(new PeerSpec("n1", "[fd00::10]:7420", 0)),
        List.of(new PeerSpec("n1", "[fd00::10]:7421", 0))).isPresent(), "another port is another address");
  }
}
