package io.raftvip.config;

import static io.raftvip.config.TestYaml.config;
import static io.raftvip.config.TestYaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TopLevelRulesTest {

  static Stream<Arguments> brokenConfigs() {
    return Stream.of(
        Arguments.of(config("-cluster"),
            "cluster: is required (the name of the Raft group, e.g. goldentooth-cp)"),
        Arguments.of(config("cluster: Golden_CP"),
            "cluster: 'Golden_CP' must match [a-z0-9-]{1,63} (lower-case letters, digits and '-',"
                + " at most 63)"),
        Arguments.of(config("cluster: " + "a".repeat(64)),
            "cluster: '" + "a".repeat(64) + "' must match [a-z0-9-]{1,63} (lower-case letters,"
                + " digits and '-', at most 63)"),
        Arguments.of(config("cluster: 123"),
            "cluster: expected text, got the number 123; quote it if it is meant as text"),
        Arguments.of(config("cluster: [a, b]"), "cluster: expected text, got a list"),
        Arguments.of(config("cluster:"),
            "cluster: has no value; give one, or remove the key where a default exists"),
        Arguments.of(config("-node"), "node: is required (this node's id, one of the peers)"),
        Arguments.of(config("node: dorne"),
            "node: 'dorne' is not among the peers (alpha, beta); this node must be one of the"
                + " initial members"),
        Arguments.of(config("node: -bad"),
            "node: '-bad' must match [A-Za-z0-9][A-Za-z0-9._-]{0,62}"),
        Arguments.of(config("node: no"),
            "node: expected text, got the boolean false (YAML reads unquoted yes, no, on, off,"
                + " true, false as booleans); quote it"),
        Arguments.of(config("peer: []"),
            "unknown key 'peer' at top level (did you mean 'peers'?)"),
        Arguments.of(config("bogus: 1"),
            "unknown key 'bogus' at top level; allowed here: cluster, node, peers, vips, storage,"
                + " admin, metrics, timing, announce, logging, health"),
        Arguments.of(config("storage: data/raft"), "storage: 'data/raft' must be an absolute path"),
        Arguments.of(config("storage: 7"),
            "storage: expected text, got the number 7; quote it if it is meant as text"));
  }

  @ParameterizedTest
  @MethodSource("brokenConfigs")
  void brokenConfig_isReportedWithKeyValueAndRule(String yaml, String expected) {
    assertEquals(List.of(expected), problems(yaml));
  }

  @Test
  void snakeCaseKey_suggestsKebabCase() {
    assertEquals(
        List.of("unknown key 'election_timeout' at timing (did you mean 'election-timeout'?)"),
        problems(config("timing: { election_timeout: 100ms..200ms }")));
  }

  @Test
  void topLevelList_isRejected() {
    assertEquals(
        List.of("expected a mapping like { cluster: NAME, node: ID, peers: [...], vips: [...] },"
            + " got a list"),
        problems("- cluster: x\n"));
  }

  @Test
  void allProblemsAreCollected_notJustTheFirst() {
    List<String> problems = problems(config("cluster: BAD", "peers: [ { id: alpha, address: x } ]",
        "timing: { lease: 70 }", "vips:\n  - { address: 10.0.0.9, interface: eth0 }"));
    assertEquals(List.of(
        "cluster: 'BAD' must match [a-z0-9-]{1,63} (lower-case letters, digits and '-', at most 63)",
        "peers[0].address: 'x' must be HOST:PORT, e.g. 10.4.0.10:7420",
        "vips[0].interface: 'eth0' not found; this host has: lo, end0",
        "timing.lease: '70' has no unit; write e.g. 70ms"), problems);
  }
}
