package io.raftvip.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.config.ConfigLoader;
import io.raftvip.config.RaftvipConfig;
import io.raftvip.proto.v1.Member;
import io.raftvip.proto.v1.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What {@code raftvip check} says about the file's peers against the running daemon's membership. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MembershipComparisonTest {

  @TempDir
  Path dir;
  private Path file;
  private RaftvipConfig config;

  @BeforeEach
  void load() throws Exception {
    file = Files.writeString(dir.resolve("raftvip.yaml"), String.join("\n",
        "cluster: demo",
        "node: n1",
        "peers:",
        "  - { id: n1, address: 10.4.0.10:7420 }",
        "  - { id: n2, address: 10.4.0.11:7420 }",
        "  - { id: n3, address: 10.4.0.12:7420 }",
        "vips:",
        "  - { address: 10.4.0.9, interface: end0 }",
        "storage: " + dir.resolve("data"),
        "admin: { socket: " + dir.resolve("admin.sock") + " }",
        ""));
    config = new ConfigLoader(() -> List.of("lo", "end0")).load(file);
  }

  private static Member member(String id, String address) {
    return Member.newBuilder().setId(id).setAddress(address).build();
  }

  private MembershipComparison.Finding against(Status status) {
    return new MembershipComparison(config, file).against(() -> status);
  }

  @Test
  void drift_isAWarningNamingTheDifference() {
    final MembershipComparison.Finding f = against(Status.newBuilder().setCluster("demo").setNode("n1")
        .addMembers(member("n1", "10.4.0.10:7420")).addMembers(member("n2", "10.4.0.11:7420"))
        .addMembers(member("n4", "10.4.0.13:7420")).build());
    assertTrue(f.warning());
    assertEquals("raftvip: warning: config drift: peers in " + file + " lack n4 (10.4.0.13:7420), a member; list n3"
        + " (10.4.0.12:7420), not a member; make them match `raftvipctl members` (a node started afresh from this"
        + " file would seed the wrong members)", f.line());
  }

  @Test
  void matchingPeers_aNote() {
    final MembershipComparison.Finding f = against(Status.newBuilder().setCluster("demo").setNode("n1")
        .addMembers(member("n3", "10.4.0.12:7420")).addMembers(member("n2", "10.4.0.11:7420"))
        .addMembers(member("n1", "10.4.0.10:7420")).build());
    assertFalse(f.warning());
    assertEquals("raftvip: note: the peers match the Raft membership the running daemon reports (n3, n2, n1)", f.line());
  }

  @Test
  void noDaemon_couldNotCompare_sayingWhy() {
    final MembershipComparison.Finding f = new MembershipComparison(config, file).against(() -> {
      throw new LocalDaemon.NotAnswering("no daemon is running here (there is no admin socket /run/raftvip/admin.sock)");
    });
    assertFalse(f.warning());
    assertEquals("raftvip: note: could not compare the peers with the Raft membership: no daemon is running here"
        + " (there is no admin socket /run/raftvip/admin.sock)", f.line());
  }

  @Test
  void anotherNodesDaemon_orNoMembershipYet_couldNotCompare() {
    assertEquals("raftvip: note: could not compare the peers with the Raft membership: the daemon on "
        + dir.resolve("admin.sock") + " runs node n2 of cluster demo, while " + file + " configures node n1 of"
        + " cluster demo", against(Status.newBuilder().setCluster("demo").setNode("n2").build()).line());
    assertEquals("raftvip: note: could not compare the peers with the Raft membership: the daemon is not a member"
        + " yet (it waits to be added with `raftvipctl member add`)",
        against(Status.newBuilder().setCluster("demo").setNode("n1").build()).line());
  }
}
