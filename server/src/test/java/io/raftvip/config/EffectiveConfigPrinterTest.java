package io.raftvip.config;

import static io.raftvip.config.TestYaml.config;
import static io.raftvip.config.TestYaml.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EffectiveConfigPrinterTest {

  private final EffectiveConfigPrinter printer = new EffectiveConfigPrinter();

  private static RaftvipConfig roundTrip(RaftvipConfig config) throws ConfigException {
    return parse(new EffectiveConfigPrinter().print(config));
  }

  @Test
  void minimalConfig_printsEveryDefault() throws ConfigException {
    String printed = printer.print(parse(config()));
    for (String line : List.of("storage: /var/lib/raftvip", "  socket: /run/raftvip/admin.sock",
        "  listen: off", "  election-timeout: 600ms..900ms", "  heartbeat: 40ms", "  lease: 100ms",
        "  dead-leader-timeout: 160ms", "  probe-timeout: 80ms",
        "  vip-lifetime: 3s", "  reconcile: 500ms", "  repeat: 3", "  interval: 1s",
        "  refresh: 10s", "  level: info", "  loggers: {}", "    priority: 0")) {
      assertTrue(printed.lines().anyMatch(line::equals), () -> line + " missing in\n" + printed);
    }
  }

  @Test
  void minimalConfig_roundTrips() throws ConfigException {
    RaftvipConfig config = parse(config());
    assertEquals(config, roundTrip(config));
  }

  @Test
  void everyFeature_roundTrips() throws ConfigException {
    RaftvipConfig config = parse(config(
        "cluster: '123'",
        "node: 'on'",
        "peers:\n  - { id: 'on', address: '[fd00::1]:7420', priority: 100 }\n"
            + "  - { id: '1e5', address: node2.example:7421 }\n  - { id: x.y_z-1, address: 10.0.0.3:1 }",
        "vips:\n  - { address: 10.0.0.9, interface: end0 }\n"
            + "  - { address: 'fd00:0:0::9', interface: lo }",
        "storage: /srv/raft vip/it's",
        "admin: { socket: /tmp/a.sock, listen: '[::]:7421', tls: { cert: /t/c.pem, key: /t/k.pem,"
            + " ca: /t/ca.pem } }",
        "metrics: { listen: 0.0.0.0:9742 }",
        "timing: { election-timeout: 1.5s..1m, heartbeat: 250ms, lease: 1250ms, dead-leader-timeout: 0s,"
            + " probe-timeout: 75ms, vip-lifetime: 0, reconcile: 10s }",
        "announce: { repeat: 20, interval: 10ms, refresh: 0 }",
        "logging: { level: trace, loggers: { io.raftvip.raft: debug, org.apache.ratis: error } }"));
    String printed = printer.print(config);
    assertEquals(config, parse(printed), printed);
    assertTrue(printed.contains("  - address: fd00::9\n"), printed);
    assertTrue(printed.contains("cluster: '123'\n"), printed);
    assertTrue(printed.contains("node: 'on'\n"), printed);
    assertTrue(printed.contains("  election-timeout: 1.5s..1m\n"), printed);
  }

  @Test
  void exampleFile_roundTrips() throws Exception {
    RaftvipConfig config = new ConfigLoader(TestYaml.INTERFACES)
        .load(Path.of("..", "systemd", "raftvip.example.yaml"));
    assertEquals(config, roundTrip(config));
  }

  @Test
  void printedConfig_namesTheGroupId() throws ConfigException {
    RaftvipConfig config = parse(config());
    assertTrue(printer.print(config).contains("# raft group id: " + config.groupId() + "\n"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"123", "1.5", "1e5", "0x1f", "1:30", "yes", "No", "off", "null", "~",
      "-a", "a b", "a: b", "#x", "[x]", "{x}", "it's", "", "*x", "&x", "!x", "@x", "`x", "%x"})
  void awkwardText_isQuotedAndReadsBackAsText(String text) throws Exception {
    String yaml = "v: " + EffectiveConfigPrinter.scalar(text) + "\n";
    var tree = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml);
    assertTrue(tree.get("v").isTextual(), yaml);
    assertEquals(text, tree.get("v").textValue(), yaml);
  }

  @ParameterizedTest
  @ValueSource(strings = {"goldentooth-cp", "allyrion", "10.4.0.10:7420", "/var/lib/raftvip",
      "io.raftvip.raft", "fd00::9", "end0", "info"})
  void ordinaryText_staysPlain(String text) {
    assertEquals(text, EffectiveConfigPrinter.scalar(text));
  }
}
