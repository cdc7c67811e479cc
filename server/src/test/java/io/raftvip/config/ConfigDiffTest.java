package io.raftvip.config;

import static io.raftvip.config.TestYaml.config;
import static io.raftvip.config.TestYaml.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which differences a running daemon applies, and how each key that needs a restart is named. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConfigDiffTest {

  private static final String TLS = "admin: { tls: { cert: /etc/raftvip/a.crt, key: /etc/raftvip/a.key,"
      + " ca: /etc/raftvip/ca.crt } }";

  static Stream<Arguments> fixedKeys() {
    return Stream.of(
        Arguments.of("cluster: other-cp", "cluster (test-cp -> other-cp)"),
        Arguments.of("""
            peers:
              - { id: alpha, address: 10.0.0.5:7420 }
              - { id: beta, address: 10.0.0.2:7420 }""",
            "peers[0].address (10.0.0.1:7420 -> 10.0.0.5:7420, this node's Raft address)"),
        Arguments.of("""
            peers:
              - { id: alpha, address: 10.0.0.1:7420 }
              - { id: beta, address: 10.0.0.2:7420, priority: 5 }""", "peers[1].priority (0 -> 5)"),
        Arguments.of("""
            peers:
              - { id: alpha, address: 10.0.0.1:7420 }
              - { id: beta, address: 10.0.0.2:7420 }
              - { id: gamma, address: 10.0.0.3:7420 }""", "peers[2] (member gamma at 10.0.0.3:7420 added)"),
        Arguments.of("storage: /srv/raftvip", "storage (/var/lib/raftvip -> /srv/raftvip)"),
        Arguments.of("admin: { socket: /run/x/admin.sock }", "admin.socket (/run/raftvip/admin.sock -> /run/x/admin.sock)"),
        Arguments.of("admin: { listen: 127.0.0.1:7421 }", "admin.listen (off -> 127.0.0.1:7421)"),
        Arguments.of(TLS, "admin.tls (off -> on)"),
        Arguments.of("metrics: { listen: 127.0.0.1:9742 }", "metrics.listen (off -> 127.0.0.1:9742)"),
        Arguments.of("timing: { election-timeout: 700ms..900ms }", "timing.election-timeout (600ms..900ms -> 700ms..900ms)"),
        Arguments.of("timing: { heartbeat: 30ms }", "timing.heartbeat (40ms -> 30ms)"),
        Arguments.of("timing: { lease: 90ms }", "timing.lease (100ms -> 90ms)"),
        Arguments.of("timing: { dead-leader-timeout: 170ms }", "timing.dead-leader-timeout (160ms -> 170ms)"),
        Arguments.of("timing: { probe-timeout: 60ms }", "timing.probe-timeout (80ms -> 60ms)"),
        Arguments.of("timing: { vip-lifetime: 5s }", "timing.vip-lifetime (3s -> 5s)"),
        Arguments.of("timing: { reconcile: 1s }", "timing.reconcile (500ms -> 1s)"),
        Arguments.of("health: { checks: [ { name: api, kind: tcp, address: '127.0.0.1:6443' } ] }",
            "health (off -> on)"));
  }

  @Test
  void changedHealthChecks_areLive_andShownShort() throws Exception {
    final String before = "health: { checks: [ { name: api, kind: tcp, address: '127.0.0.1:6443' } ] }";
    final ConfigDiff d = ConfigDiff.between(parse(config(before)), parse(config(
        "health: { interval: 3s, preempt: true, checks: [ { name: api, kind: tcp, address: '127.0.0.1:6444' } ] }")));
    assertEquals(List.of("health (interval 2s, timeout 1s, fall 3, rise 3, hold-down 30s, preempt false, checks [api]"
        + " -> interval 3s, timeout 1s, fall 3, rise 3, hold-down 30s, preempt true, checks [api])"),
        d.live().stream().map(ConfigDiff.Change::toString).toList());
    assertEquals(List.of(), d.fixed());
    assertEquals(true, d.applied().health().preempt());

    final ConfigDiff onlyAddress = ConfigDiff.between(parse(config(before)), parse(config(before.replace("6443", "6444"))));
    assertEquals(List.of("health (its checks changed)"), onlyAddress.live().stream().map(ConfigDiff.Change::toString).toList());
  }

  @ParameterizedTest
  @MethodSource("fixedKeys")
  void keyThatNeedsARestart_isNamedWithBothValues(String changed, String expected) throws Exception {
    final ConfigDiff d = ConfigDiff.between(parse(config()), parse(config(changed)));

    assertEquals(List.of(expected), d.fixed().stream().map(ConfigDiff.Change::toString).toList());
    assertEquals(List.of(), d.live());
  }

  @Test
  void node_isFixed() throws Exception {
    final ConfigDiff d = ConfigDiff.between(parse(config()), parse(config("node: beta")));
    assertEquals("node (alpha -> beta)", d.fixed().get(0).toString());
  }

  @Test
  void liveKeys_areApplied_fixedOnesKeepTheirRunningValue() throws Exception {
    final RaftvipConfig running = parse(config(TLS));
    final RaftvipConfig next = parse(config("vips:\n  - { address: 10.0.0.9, interface: end0 }\n"
            + "  - { address: 'fd00::9', interface: lo }",
        "admin: { tls: { cert: /etc/raftvip/b.crt, key: /etc/raftvip/b.key, ca: /etc/raftvip/ca.crt },"
            + " allow: [ ops ] }",
        "announce: { repeat: 5 }", "logging: { level: debug }", "timing: { heartbeat: 30ms }"));

    final ConfigDiff d = ConfigDiff.between(running, next);

    assertEquals(List.of("vips", "admin.tls.cert", "admin.tls.key", "admin.allow", "announce", "logging"),
        d.live().stream().map(ConfigDiff.Change::key).toList());
    assertEquals("vips ([10.0.0.9 on end0] -> [10.0.0.9 on end0, fd00::9 on lo])", d.live().get(0).toString());
    final RaftvipConfig applied = d.applied();
    assertEquals(next.vips(), applied.vips());
    assertEquals(next.admin().tls(), applied.admin().tls());
    assertEquals(List.of("ops"), applied.admin().allow());
    assertEquals(5, applied.announce().repeat());
    assertEquals("debug", applied.logging().level());
    assertEquals(running.timing(), applied.timing(), "timing needs a restart");
    assertTrue(ConfigDiff.between(applied, next).live().isEmpty());
  }

  @Test
  void sameFile_hasNoChanges() throws Exception {
    assertEquals(List.of(), ConfigDiff.between(parse(config(TLS)), parse(config(TLS))).changes());
  }
}
