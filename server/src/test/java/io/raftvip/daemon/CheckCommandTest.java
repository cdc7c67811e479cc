package io.raftvip.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code raftvip check} and {@code raftvip run} on good and bad configuration files. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CheckCommandTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private PrintStream savedOut;
  private PrintStream savedErr;

  @BeforeEach
  void capture() {
    savedOut = System.out;
    savedErr = System.err;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(savedOut);
    System.setErr(savedErr);
  }

  private Path config(String vipInterface, String extra) throws Exception {
    return Files.writeString(dir.resolve("raftvip.yaml"), String.join("\n",
        "cluster: demo",
        "node: n1",
        "peers:",
        "  - { id: n1, address: 10.213.9.11:7420 }",
        "  - { id: n2, address: 10.213.9.12:7420 }",
        "  - { id: n3, address: 10.213.9.13:7420 }",
        "vips:",
        "  - { address: 10.213.9.100, interface: " + vipInterface + " }",
        "storage: " + dir.resolve("data"),
        extra,
        ""));
  }

  private int run(String... args) {
    return new CommandLine(new Main()).execute(args);
  }

  @Test
  void validConfig_printsTheEffectiveConfigWithDefaults() throws Exception {
    assertEquals(0, run("check", "--config", config("lo", "").toString()));
    final String printed = out.toString(StandardCharsets.UTF_8);
    assertTrue(printed.contains("election-timeout: 600ms..900ms"), printed);
    assertTrue(printed.contains("lease: 100ms"), printed);
    assertTrue(printed.contains("dead-leader-timeout: 160ms"), printed);
  }

  @Test
  void missingInterface_exits2_namingTheInterfacesThatExist() throws Exception {
    assertEquals(2, run("check", "--config", config("eth9", "").toString()));
    final String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("vips[0].interface: 'eth9' not found; this host has: "), text);
    assertTrue(text.contains("lo"), text);
  }

  @Test
  void leaseNotShorterThanDeadLeaderTimeout_isRejectedWithTheRule() throws Exception {
    assertEquals(2, run("check", "--config",
        config("lo", "timing: { dead-leader-timeout: 150ms, lease: 150ms }").toString()));
    final String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.contains("timing.lease: 150ms must be shorter than timing.dead-leader-timeout (150ms)"), text);
  }

  @Test
  void run_withBadConfig_exits2_beforeTouchingAnything() throws Exception {
    assertEquals(2, run("run", "--config", config("lo", "peer: []").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown key 'peer'"), err.toString(StandardCharsets.UTF_8));
    assertTrue(Files.notExists(dir.resolve("data")), "no Raft storage created for an invalid config");
  }

  @Test
  void missingFile_isAClearError() {
    assertEquals(2, run("check", "--config", dir.resolve("nope.yaml").toString()));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("nope.yaml"), err.toString(StandardCharsets.UTF_8));
  }

  /** A config whose admin socket is in the test's directory, whose own Raft address is on loopback. */
  private Path localConfig(String selfHost) throws Exception {
    return Files.writeString(dir.resolve("local.yaml"), String.join("\n",
        "cluster: demo",
        "node: n1",
        "peers:",
        "  - { id: n1, address: " + selfHost + ":7420 }",
        "  - { id: n2, address: 10.213.9.12:7420 }",
        "  - { id: n3, address: 10.213.9.13:7420 }",
        "vips:",
        "  - { address: 10.213.9.100, interface: lo }",
        "storage: " + dir.resolve("data"),
        "admin: { socket: " + dir.resolve("admin.sock") + " }",
        ""));
  }

  @Test
  void withoutARunningDaemon_saysItCouldNotCompare_exit0() throws Exception {
    assertEquals(0, run("check", "--config", localConfig("127.0.0.1").toString()));
    final String text = err.toString(StandardCharsets.UTF_8);
    assertEquals("raftvip: note: could not compare the peers with the Raft membership: no daemon is running here"
        + " (there is no admin socket " + dir.resolve("admin.sock") + ")\n", text);
  }

  @Test
  void httpCheckWhoseCaFileIsNotThereYet_warns_exitStatusUnchanged() throws Exception {
    final Path config = localConfig("127.0.0.1");
    final Path ca = dir.resolve("pki/ca.crt");
    Files.writeString(config, Files.readString(config) + "health: { checks: [ { name: apiserver, kind: http,"
        + " url: 'https://127.0.0.1:6443/readyz', ca: '" + ca + "' } ] }\n");
    assertEquals(0, run("check", "--config", config.toString()));
    final String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("raftvip: warning: health check apiserver: its CA file " + ca + " does not exist"
        + " yet; the check fails every round (and this node counts as unhealthy) until it appears"), text);
  }

  @Test
  void ownRaftAddressNotOnThisHost_warns_exitStatusUnchanged() throws Exception {
    assertEquals(0, run("check", "--config", localConfig("10.213.9.11").toString()));
    final String text = err.toString(StandardCharsets.UTF_8);
    assertTrue(text.startsWith("raftvip: warning: this node's Raft address 10.213.9.11:7420 (its peers entry, id n1)"
        + " is not an address of this host, so the daemon could not listen on it; this host has "), text);
    assertTrue(text.contains("127.0.0.1"), text);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("cluster: demo"), "the effective config is printed");
  }

  @Test
  void runningDaemonWithOtherMembers_warnsOfConfigDrift() throws Exception {
    final Path config = localConfig("127.0.0.1");
    final io.raftvip.proto.v1.Status status = io.raftvip.proto.v1.Status.newBuilder().setCluster("demo").setNode("n1")
        .addMembers(io.raftvip.proto.v1.Member.newBuilder().setId("n1").setAddress("127.0.0.1:7420"))
        .addMembers(io.raftvip.proto.v1.Member.newBuilder().setId("n2").setAddress("10.213.9.12:7420"))
        .addMembers(io.raftvip.proto.v1.Member.newBuilder().setId("n4").setAddress("10.213.9.14:7420"))
        .build();
    try (io.raftvip.admin.AdminServer daemon = io.raftvip.admin.AdminServer.start(new StatusOnlyBackend(status),
        dir.resolve("admin.sock"), null, 0, null)) {
      assertEquals(0, run("check", "--config", config.toString()));
    }
    final String text = err.toString(StandardCharsets.UTF_8); // the test's own daemon logs here too
    assertTrue(text.contains("\nraftvip: warning: config drift: peers in " + config + " lack n4 (10.213.9.14:7420),"
        + " a member; list n3 (10.213.9.13:7420), not a member; make them match `raftvipctl members` (a node started"
        + " afresh from this file would seed the wrong members)\n"), text);
  }

  /** A daemon's admin API that only answers status. */
  private record StatusOnlyBackend(io.raftvip.proto.v1.Status status) implements io.raftvip.admin.AdminBackend {
    @Override public java.util.List<io.raftvip.proto.v1.Member> members() {
      return status.getMembersList();
    }

    @Override public java.util.concurrent.CompletableFuture<java.util.List<io.raftvip.proto.v1.Member>> addMember(
        String id, String address, int priority) {
      throw new UnsupportedOperationException();
    }

    @Override public java.util.concurrent.CompletableFuture<java.util.List<io.raftvip.proto.v1.Member>> removeMember(
        String id) {
      throw new UnsupportedOperationException();
    }

    @Override public java.util.concurrent.CompletableFuture<io.raftvip.proto.v1.TransferOwnershipResponse> transfer(
        String toOrEmpty) {
      throw new UnsupportedOperationException();
    }

    @Override public AutoCloseable subscribe(java.util.function.Consumer<io.raftvip.proto.v1.Event> listener) {
      return () -> { };
    }
  }

  @Test
  void noCommand_isAUsageError() {
    assertEquals(2, new CommandLine(new Main())
        .setParameterExceptionHandler((ex, a) -> 2).execute());
  }
}
