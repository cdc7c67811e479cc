package io.raftvip.config;

import static io.raftvip.config.TestYaml.config;
import static io.raftvip.config.TestYaml.parse;
import static io.raftvip.config.TestYaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PeersRulesTest {

  private static String peers(String... entries) {
    return "peers:\n" + Stream.of(entries).map(e -> "  - " + e + "\n").collect(Collectors.joining());
  }

  static Stream<Arguments> brokenPeers() {
    return Stream.of(
        Arguments.of(config("-peers"),
            "peers: is required (the initial members, e.g. - { id: allyrion, address:"
                + " 10.4.0.10:7420, priority: 1 })"),
        Arguments.of(config("peers: []"),
            "peers: has 0 members; it must have 1 to 9 (every decision waits for a majority, so"
                + " more members only slow it down)"),
        Arguments.of(config("peers: alpha"),
            "peers: expected a list like - { id: allyrion, address: 10.4.0.10:7420, priority: 1 },"
                + " got 'alpha'"),
        Arguments.of(config(peers("alpha")),
            "peers[0]: expected a mapping like { id: allyrion, address: 10.4.0.10:7420,"
                + " priority: 1 }, got 'alpha'"),
        Arguments.of(config(peers("{ id: alpha, address: 10.0.0.1:7420 }",
                "{ id: alpha, address: 10.0.0.2:7420 }")),
            "peers[1].id: 'alpha' is used twice (also peers[0].id); member ids must be unique"),
        Arguments.of(config(peers("{ id: alpha, address: 10.0.0.1:7420 }",
                "{ id: beta, address: 10.0.0.1:7420 }")),
            "peers[1].address: '10.0.0.1:7420' is used twice (also peers[0].address); every"
                + " member needs its own address"),
        Arguments.of(config(peers("{ id: alpha, address: '[fd00::1]:7420' }",
                "{ id: beta, address: '[fd00:0:0::1]:7420' }")),
            "peers[1].address: '[fd00:0:0::1]:7420' is used twice (also peers[0].address); every"
                + " member needs its own address"),
        Arguments.of(config(peers("{ id: alpha, address: 10.0.0.1:7420 }", "{ address: 10.0.0.2:7420 }")),
            "peers[1].id: is required (the member id, e.g. allyrion)"),
        Arguments.of(config(peers("{ id: alpha, address: 10.0.0.1:7420 }", "{ id: beta }")),
            "peers[1].address: is required (the Raft HOST:PORT, e.g. 10.4.0.10:7420)"),
        Arguments.of(config(peers("{ id: alpha, address: 10.0.0.1:7420 }", "{ id: 'b c', address: 10.0.0.2:7420 }")),
            "peers[1].id: 'b c' must match [A-Za-z0-9][A-Za-z0-9._-]{0,62}"),
        Arguments.of(config(peers("{ id: alpha, address: 10.0.0.1 }")),
            "peers[0].address: '10.0.0.1' must be HOST:PORT, e.g. 10.4.0.10:7420"),
        Arguments.of(config(peers("{ id: alpha, address: 10.0.0.1:0 }")),
            "peers[0].address: '10.0.0.1:0' has port '0'; the port must be 1..65535"),
        Arguments.of(config(peers("{ id: alpha, address: 10.0.0.1:65536 }")),
            "peers[0].address: '10.0.0.1:65536' has port '65536'; the port must be 1..65535"),
        Arguments.of(config(peers("{ id: alpha, address: 'fd00::1:7420' }")),
            "peers[0].address: 'fd00::1:7420' needs brackets around the IPv6 address, e.g."
                + " [fd00::10]:7420"),
        Arguments.of(config(peers("{ id: alpha, address: 10.0.0.1:7420, priority: 101 }")),
            "peers[0].priority: 101 must be an integer 0..100 (a member of higher priority takes"
                + " the VIP release-first when it can (with health checks: only with preempt: true))"),
        Arguments.of(config(peers("{ id: alpha, address: 10.0.0.1:7420, priority: high }")),
            "peers[0].priority: 'high' must be an integer 0..100 (a member of higher priority takes"
                + " the VIP release-first when it can (with health checks: only with preempt: true))"),
        Arguments.of(config(peers("{ id: alpha, address: 10.0.0.1:7420, prio: 1 }")),
            "unknown key 'prio' at peers[0] (did you mean 'priority'?)"));
  }

  @ParameterizedTest
  @MethodSource("brokenPeers")
  void brokenPeers_areReportedWithKeyValueAndRule(String yaml, String expected) {
    assertEquals(List.of(expected), problems(yaml));
  }

  @Test
  void tenPeers_areTooMany() {
    String[] entries = IntStream.range(0, 10)
        .mapToObj(i -> "{ id: n" + i + ", address: 10.0.0." + (i + 1) + ":7420 }")
        .toArray(String[]::new);
    assertEquals(List.of("peers: has 10 members; it must have 1 to 9 (every decision waits for a"
        + " majority, so more members only slow it down)"),
        problems(config("node: n0", peers(entries))));
  }

  @Test
  void peers_parseWithPriorityDefaultIpv6AndHostNames() throws ConfigException {
    RaftvipConfig c = parse(config(peers("{ id: alpha, address: 10.0.0.1:7420, priority: 5 }",
        "{ id: beta, address: '[FD00::2]:7420' }", "{ id: gamma, address: gamma.example:7420 }")));
    assertEquals(List.of(new PeerConfig("alpha", "10.0.0.1", 7420, 5),
        new PeerConfig("beta", "fd00::2", 7420, 0),
        new PeerConfig("gamma", "gamma.example", 7420, 0)), c.peers());
    assertEquals("[fd00::2]:7420", c.peers().get(1).address());
    assertEquals(new PeerConfig("alpha", "10.0.0.1", 7420, 5), c.self());
  }

  @Test
  void singlePeer_isAllowed() throws ConfigException {
    RaftvipConfig c = parse(config(peers("{ id: alpha, address: 10.0.0.1:7420 }")));
    assertEquals(1, c.peers().size());
  }
}
