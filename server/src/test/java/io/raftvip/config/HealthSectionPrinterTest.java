package io.raftvip.config;

import static io.raftvip.config.TestYaml.config;
import static io.raftvip.config.TestYaml.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The health section of the effective config: every default shown, and it reads back equal. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HealthSectionPrinterTest {

  private final EffectiveConfigPrinter printer = new EffectiveConfigPrinter();

  @Test
  void noHealth_saysSo_andRoundTrips() throws ConfigException {
    RaftvipConfig config = parse(config());
    String printed = printer.print(config);
    assertTrue(printed.endsWith(
        "# health: not configured (no health gating: the Raft leader owns the VIP)\n"), printed);
    assertEquals(config, parse(printed), printed);
  }

  @Test
  void minimalHealth_printsEveryDefault() throws ConfigException {
    String printed = printer.print(parse(config(
        "health: { checks: [ { name: etcd-port, kind: tcp, address: 127.0.0.1:2379 } ] }")));
    assertTrue(printed.endsWith("""
        health:
          interval: 2s
          timeout: 1s
          fall: 3
          rise: 3
          hold-down: 30s
          preempt: false
          checks:
            - name: etcd-port
              kind: tcp
              address: 127.0.0.1:2379
        """), printed);
  }

  @Test
  void everyKind_roundTrips(@TempDir Path dir) throws Exception {
    Path ca = TestCa.write(dir.resolve("it's a dir"));
    RaftvipConfig config = parse(config("""
        health:
          interval: 1m
          timeout: 59.999s
          fall: 100
          rise: 1
          hold-down: 0
          preempt: true
          checks:
            - { name: apiserver, kind: http, url: 'https://127.0.0.1:6443/readyz?verbose&x=%%20', \
        ca: '%s', server-name: kubernetes }
            - { name: '123', kind: http, url: 'https://[fd00::1]/readyz', insecure: true }
            - { name: plain, kind: http, url: 'http://node1.example:8080' }
            - { name: etcd, kind: tcp, address: '[fd00::1]:2379' }
            - { name: script, kind: exec, command: [/usr/local/bin/check cp, --quiet, '', "it's", \
        '1e5', 'yes', '#x'] }""".formatted(ca.toString().replace("'", "''"))));
    String printed = printer.print(config);
    assertEquals(config, parse(printed), printed);
    assertTrue(printed.contains("  hold-down: 0s  # off\n"), printed);
    assertTrue(printed.contains("      insecure: true  # no certificate or host name verification\n"),
        printed);
    assertTrue(printed.contains("        - '--quiet'\n"), printed);
  }

  @Test
  void exampleFile_healthBlock_isValidAndRoundTrips() throws Exception {
    RaftvipConfig config = new ConfigLoader(TestYaml.INTERFACES)
        .parse(ExampleHealthBlock.uncommented(), "example with health");
    assertEquals(new HealthConfig(HealthConfig.DEFAULT_INTERVAL, HealthConfig.DEFAULT_TIMEOUT,
        HealthConfig.DEFAULT_FALL, HealthConfig.DEFAULT_RISE, HealthConfig.DEFAULT_HOLD_DOWN, false,
        List.of(new HttpCheckConfig("apiserver", URI.create("https://127.0.0.1:6443/readyz"), null,
            true, null), new TcpCheckConfig("etcd", new HostPort("127.0.0.1", 2379)))),
        config.health());
    assertEquals(config, parse(printer.print(config)));
  }
}
