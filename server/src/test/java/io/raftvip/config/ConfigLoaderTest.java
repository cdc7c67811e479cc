package io.raftvip.config;

import static io.raftvip.config.TestYaml.INTERFACES;
import static io.raftvip.config.TestYaml.config;
import static io.raftvip.config.TestYaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConfigLoaderTest {

  /** The example of the config section of design.md, verbatim. */
  private static final String DESIGN_EXAMPLE = """
      cluster: goldentooth-cp            # names the Raft group (group id derived from it)
      node: allyrion                     # this node's id; must appear in peers
      peers:                             # initial members (like etcd initial-cluster); afterwards the Raft log rules
        - { id: allyrion, address: 10.4.0.10:7420, priority: 1 }
        - { id: bettley,  address: 10.4.0.11:7420 }
        - { id: cargyll,  address: 10.4.0.12:7420 }
      vips:
        - { address: 10.4.0.9, interface: end0 }   # bound as /32 (IPv6: /128)
      storage: /var/lib/raftvip
      admin:  { socket: /run/raftvip/admin.sock }  # optional tcp listen + TLS
      metrics: { listen: 127.0.0.1:9742 }
      timing: { election-timeout: 1s..1500ms, heartbeat: 25ms, vip-lifetime: 5s }   # design.md's names, other values
      announce: { repeat: 3, refresh: 10s }
      """;

  private final ConfigLoader loader = new ConfigLoader(INTERFACES);

  @Test
  void designExample_parsesWithDefaultsApplied() throws Exception {
    RaftvipConfig c = loader.parse(DESIGN_EXAMPLE, "design.md");
    assertEquals(new RaftvipConfig("goldentooth-cp", "allyrion",
        List.of(new PeerConfig("allyrion", "10.4.0.10", 7420, 1),
            new PeerConfig("bettley", "10.4.0.11", 7420, 0),
            new PeerConfig("cargyll", "10.4.0.12", 7420, 0)),
        List.of(new VipConfig(InetAddress.getByName("10.4.0.9"), "end0")),
        Path.of("/var/lib/raftvip"),
        new AdminConfig(Path.of("/run/raftvip/admin.sock"), null, null),
        new MetricsConfig(new HostPort("127.0.0.1", 9742)),
        new TimingConfig(Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofMillis(25),
            Duration.ofMillis(100), Duration.ofMillis(160), Duration.ofMillis(80), Duration.ofSeconds(5),
            Duration.ofMillis(500)),
        new AnnounceConfig(3, Duration.ofSeconds(1), Duration.ofSeconds(10)),
        new LoggingConfig("info", Map.of()), null), c);
    assertEquals("10.4.0.10:7420", c.self().address());
  }

  @Test
  void exampleFile_parsesWithAHostThatHasEnd0() throws Exception {
    Path example = Path.of("..", "systemd", "raftvip.example.yaml");
    RaftvipConfig c = new ConfigLoader(() -> List.of("lo", "end0")).load(example);
    assertEquals("goldentooth-cp", c.cluster());
    assertEquals("allyrion", c.node());
    assertEquals(3, c.peers().size());
    assertEquals(TimingConfig.defaults(), c.timing());
    assertEquals(Map.of("org.apache.ratis", "warn"), c.logging().loggers());
  }

  @Test
  void exampleFile_failsOnAHostWithoutEnd0() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> new ConfigLoader(() -> List.of("lo", "eth0"))
            .load(Path.of("..", "systemd", "raftvip.example.yaml")));
    assertEquals(List.of("vips[0].interface: 'end0' not found; this host has: lo, eth0"),
        e.problems());
  }

  @Test
  void load_readsAFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("raftvip.yaml");
    Files.writeString(file, config());
    assertEquals("test-cp", loader.load(file).cluster());
  }

  @Test
  void load_missingFile_isAConfigException(@TempDir Path dir) {
    Path missing = dir.resolve("nope.yaml");
    ConfigException e = assertThrows(ConfigException.class, () -> loader.load(missing));
    assertEquals(List.of(missing + ": no such file"), e.problems());
    assertEquals(missing.toString(), e.source());
  }

  @Test
  void load_directory_isAConfigException(@TempDir Path dir) {
    ConfigException e = assertThrows(ConfigException.class, () -> loader.load(dir));
    assertTrue(e.getMessage().startsWith(dir + ": cannot read: "), e.getMessage());
  }

  @Test
  void load_invalidUtf8_isAConfigException(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("latin1.yaml");
    Files.write(file, new byte[] {'c', ':', ' ', (byte) 0xe9, '\n'});
    ConfigException e = assertThrows(ConfigException.class, () -> loader.load(file));
    assertEquals(List.of(file + ": not valid UTF-8 text"), e.problems());
  }

  @Test
  void emptyFile_namesTheRequiredKeys() {
    assertEquals(List.of("the configuration is empty; required keys: cluster, node, peers, vips"),
        problems("# only a comment\n"));
  }

  @Test
  void syntaxError_hasLineAndColumn_andNoParserInternals() {
    List<String> problems = problems("cluster: a\n  node: b\n");
    assertEquals(List.of("line 2, column 7: YAML syntax error: mapping values are not allowed"
        + " here"), problems);
  }

  @Test
  void tabIndentation_isExplained() {
    List<String> problems = problems("cluster: a\npeers:\n\t- { id: a }\n");
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).startsWith("line 3, column 1: YAML syntax error: "), problems.get(0));
    assertTrue(problems.get(0).endsWith("; indent with spaces, not tabs"), problems.get(0));
  }

  @Test
  void unquotedBracketedIpv6_getsAHint() {
    List<String> problems = problems(config("peers:\n  - { id: alpha, address: [fd00::1]:7420 }"));
    assertEquals(1, problems.size());
    assertTrue(problems.get(0).startsWith("line 4, column "), problems.get(0));
    assertTrue(problems.get(0).endsWith(
        "; quote bracketed IPv6 addresses, e.g. address: '[fd00::10]:7420'"), problems.get(0));
  }

  @Test
  void duplicateKey_isNamedWithItsLine() {
    assertEquals(List.of("line 2: key 'cluster' appears twice in the same mapping"),
        problems("cluster: a\ncluster: b\n"));
  }

  @Test
  void secondDocument_isRejected() {
    // The base config has 7 lines; the second document's content starts on line 9.
    assertEquals(List.of("line 9: a second YAML document (after '---'); the config must be one"
        + " document"), problems(config() + "---\ncluster: x\n"));
  }

  @Test
  void messages_neverLeakJacksonOrStackTraces() {
    for (String yaml : List.of("a: [1, 2\nb: 3\n", "a: 'open\n", "cluster: {x: }}\n",
        "- x\n- y\n", "cluster: 1\ncluster: 2\n", "!!binary x: y\n")) {
      ConfigException e = assertThrows(ConfigException.class, () -> loader.parse(yaml, "t"));
      assertFalse(e.getMessage().contains("jackson"), e.getMessage());
      assertFalse(e.getMessage().contains("snakeyaml"), e.getMessage());
      assertFalse(e.getMessage().contains("\tat "), e.getMessage());
      assertFalse(e.getMessage().contains("Exception"), e.getMessage());
      assertEquals(String.join("\n", e.problems()), e.getMessage());
    }
  }
}
