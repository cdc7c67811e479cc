package io.raftvip.config;

import static io.raftvip.config.TestYaml.config;
import static io.raftvip.config.TestYaml.parse;
import static io.raftvip.config.TestYaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class HealthRulesTest {

  private static final String TCP = "{ name: etcd-port, kind: tcp, address: 127.0.0.1:2379 }";
  private static final String HTTPS_NEEDS = "needs either ca: FILE (the PEM file of the CA that"
      + " signed the server's certificate) or insecure: true (no certificate or host name check"
      + " at all); neither is given";
  private static final String CA_RULE =
      "; ca must be the PEM file of the CA that signed the server's certificate";

  /** @return a health section with the given settings and checks */
  private static String health(String settings, String... checks) {
    return "health:\n" + (settings.isEmpty() ? "" : "  " + settings + "\n")
        + "  checks:\n" + String.join("", Stream.of(checks).map(c -> "    - " + c + "\n").toList());
  }

  static Stream<Arguments> brokenHealth() {
    return Stream.of(
        Arguments.of(health("", "{ name: a, kind: xyz }"),
            "health.checks[0].kind: unknown kind 'xyz'; known: http, tcp, exec"),
        Arguments.of(health("", "{ name: a, kind: http, url: 127.0.0.1:6443/readyz }"),
            "health.checks[0].url: '127.0.0.1:6443/readyz' has no scheme; it must start with"
                + " http:// or https://, e.g. https://127.0.0.1:6443/readyz"),
        Arguments.of(health("", "{ name: a, kind: http, url: 'ftp://10.0.0.1/readyz' }"),
            "health.checks[0].url: 'ftp://10.0.0.1/readyz' has scheme 'ftp'; only http:// and"
                + " https:// are checked, e.g. https://127.0.0.1:6443/readyz"),
        Arguments.of(health("", "{ name: a, kind: http, url: 'https:///readyz', insecure: true }"),
            "health.checks[0].url: 'https:///readyz' has no host (or a host a URL cannot have,"
                + " e.g. with '_'); e.g. https://127.0.0.1:6443/readyz"),
        Arguments.of(health("", "{ name: a, kind: http, url: 'http://127.0.0.1:99999/' }"),
            "health.checks[0].url: 'http://127.0.0.1:99999/' has port 99999; the port must be"
                + " 1..65535"),
        Arguments.of(health("", "{ name: a, kind: http, url: 'http://127.0.0.1/a b' }"),
            "health.checks[0].url: 'http://127.0.0.1/a b' is not a valid URL: Illegal character in"
                + " path at character 19"),
        Arguments.of(health("", "{ name: a, kind: http, url: 'https://127.0.0.1:6443/readyz' }"),
            "health.checks[0]: https://127.0.0.1:6443/readyz " + HTTPS_NEEDS),
        Arguments.of(health("", "{ name: a, kind: http, url: 'https://127.0.0.1:6443/readyz',"
                + " insecure: false }"),
            "health.checks[0]: https://127.0.0.1:6443/readyz " + HTTPS_NEEDS),
        Arguments.of(health("", "{ name: a, kind: http, url: 'https://h:6443/', ca: ca.crt }"),
            "health.checks[0].ca: 'ca.crt' must be an absolute path"),
        Arguments.of(health("", "{ name: a, kind: http, url: 'http://h:8080/', insecure: true }"),
            "health.checks[0].insecure: is only used with https:// URLs; the url is"
                + " http://h:8080/"),
        Arguments.of(health("", "{ name: a, kind: http, url: 'http://h:8080/', ca: /nonexistent }"),
            "health.checks[0].ca: is only used with https:// URLs; the url is http://h:8080/"),
        Arguments.of(health("", "{ name: a, kind: http, url: 'https://h/', insecure: true,"
                + " server-name: kubernetes }"),
            "health.checks[0].server-name: is only used with ca; insecure: true checks no names"),
        Arguments.of(health("", "{ name: a, kind: http, url: 'https://h/', insecure: 'yes' }"),
            "health.checks[0].insecure: expected true or false, got 'yes'"),
        Arguments.of(health("", "{ name: a, kind: http, url: 'http://h/', address: 127.0.0.1:6443 }"),
            "health.checks[0].address: is a key of tcp checks, not of http checks; allowed here:"
                + " name, kind, url, ca, insecure, server-name"),
        Arguments.of(health("", "{ name: a, kind: tcp, address: 127.0.0.1:2379, timeout: 1s }"),
            "unknown key 'timeout' at health.checks[0]; allowed here: name, kind, address"),
        Arguments.of(health("", "{ name: a, kind: exec, command: [] }"),
            "health.checks[0].command: is empty; give the program and its arguments, e.g."
                + " [/usr/local/bin/check-cp, --quiet]"),
        Arguments.of(health("", "{ name: a, kind: exec }"),
            "health.checks[0].command: is required (the program and its arguments, e.g."
                + " [/usr/local/bin/check-cp, --quiet])"),
        Arguments.of(health("", "{ name: a, kind: exec, command: /usr/local/bin/check-cp }"),
            "health.checks[0].command: expected a list like [/usr/local/bin/check-cp, --quiet],"
                + " got '/usr/local/bin/check-cp'"),
        Arguments.of(health("", "{ name: a, kind: exec, command: [check-cp, --quiet] }"),
            "health.checks[0].command[0]: 'check-cp' must be an absolute path: the command runs"
                + " without a shell and without a PATH lookup, e.g. /usr/local/bin/check-cp"),
        Arguments.of(health("", "{ name: a, kind: exec, command: [/bin/sleep, 5] }"),
            "health.checks[0].command[1]: expected text, got the number 5; quote it if it is meant"
                + " as text"),
        Arguments.of(health("", TCP, TCP),
            "health.checks[1].name: 'etcd-port' is used twice (also health.checks[0].name); each"
                + " check needs its own name"),
        Arguments.of(health("", "{ name: API, kind: tcp, address: 127.0.0.1:6443 }"),
            "health.checks[0].name: 'API' must match [a-z0-9-]{1,32} (lower-case letters, digits"
                + " and '-', at most 32)"),
        Arguments.of(health("", "{ kind: tcp, address: 127.0.0.1:6443 }"),
            "health.checks[0].name: is required (a unique name for logs, metrics and status, e.g."
                + " apiserver)"),
        Arguments.of(health("", "{ name: a, address: 127.0.0.1:6443 }"),
            "health.checks[0].kind: is required (one of http, tcp, exec)"),
        Arguments.of(health("", "{ name: a, kind: tcp, address: 'fd00::1:2379' }"),
            "health.checks[0].address: 'fd00::1:2379' needs brackets around the IPv6 address, e.g."
                + " [fd00::10]:7420"),
        Arguments.of(health("", "etcd-port"),
            "health.checks[0]: expected a mapping like { name: etcd-port, kind: tcp, address:"
                + " 127.0.0.1:2379 }, got 'etcd-port'"),
        Arguments.of(health("interval: 2s\n  timeout: 2s", TCP),
            "health.timeout: 2s must be shorter than health.interval (2s): every check of a round"
                + " must end before the next round starts"),
        Arguments.of(health("interval: 500ms", TCP),
            "health.timeout: 1s (the default) must be shorter than health.interval (500ms): every"
                + " check of a round must end before the next round starts"),
        Arguments.of(health("timeout: 3s", TCP),
            "health.timeout: 3s must be shorter than health.interval (2s, the default): every"
                + " check of a round must end before the next round starts"),
        Arguments.of(health("interval: 50ms", TCP),
            "health.interval: 50ms must be between 100ms and 1m"),
        Arguments.of(health("interval: 2", TCP), "health.interval: '2' has no unit; write e.g. 2ms"),
        Arguments.of(health("fall: 0", TCP), "health.fall: 0 must be an integer 1..100"
            + " (consecutive failing rounds before this node counts as unhealthy)"),
        Arguments.of(health("fall: 101", TCP), "health.fall: 101 must be an integer 1..100"
            + " (consecutive failing rounds before this node counts as unhealthy)"),
        Arguments.of(health("rise: 0", TCP), "health.rise: 0 must be an integer 1..100"
            + " (consecutive passing rounds before this node counts as healthy)"),
        Arguments.of(health("rise: 101", TCP), "health.rise: 101 must be an integer 1..100"
            + " (consecutive passing rounds before this node counts as healthy)"),
        Arguments.of(health("hold-down: 2h", TCP), "health.hold-down: 2h must be between 0s and 1h"),
        Arguments.of(health("preempt: 'no'", TCP),
            "health.preempt: expected true or false, got 'no'"),
        Arguments.of(health("intervall: 1s", TCP),
            "unknown key 'intervall' at health (did you mean 'interval'?)"),
        Arguments.of("health: {}", "health.checks: is required when health is given (at least"
            + " one check, e.g. - { name: apiserver, kind: http, url: https://127.0.0.1:6443/readyz,"
            + " insecure: true }); remove the health section to run without health gating"),
        Arguments.of("health: { checks: [] }", "health.checks: has 0 checks; give 1..16, e.g. -"
            + " { name: apiserver, kind: http, url: https://127.0.0.1:6443/readyz, insecure: true },"
            + " or remove the health section to run without health gating"),
        Arguments.of("health:", "health: has no value; give one, or remove the key where a"
            + " default exists"),
        Arguments.of("health: [apiserver]", "health: expected a mapping like { interval: 2s,"
            + " checks: [...] }, got a list"));
  }

  @ParameterizedTest
  @MethodSource("brokenHealth")
  void brokenHealth_isReportedWithKeyValueAndRule(String section, String expected) {
    assertEquals(List.of(expected), problems(config(section)));
  }

  @Test
  void aCaFileThatDoesNotExistYet_isAccepted_kubeadmWritesItLater() throws Exception {
    RaftvipConfig c = parse(config(health("", "{ name: a, kind: http, url: 'https://h:6443/', ca: /nonexistent/ca.crt }")));
    assertEquals(Path.of("/nonexistent/ca.crt"), ((HttpCheckConfig) c.health().checks().get(0)).ca());
  }

  @Test
  void caFileWithoutCertificate_isNamed(@TempDir Path dir) throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.crt"), "-----BEGIN PRIVATE KEY-----\nabc\n");
    assertEquals(List.of("health.checks[0].ca: '" + ca + "' holds no PEM certificate (no"
            + " -----BEGIN CERTIFICATE----- line)" + CA_RULE),
        problems(config(health("", "{ name: a, kind: http, url: 'https://h/', ca: '" + ca + "' }"))));
  }

  @Test
  void unparseableCaFile_isNamed(@TempDir Path dir) throws Exception {
    Path ca = Files.writeString(dir.resolve("ca.crt"),
        "-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n");
    List<String> problems =
        problems(config(health("", "{ name: a, kind: http, url: 'https://h/', ca: '" + ca + "' }")));
    assertEquals(1, problems.size(), problems::toString);
    assertTrue(problems.get(0).startsWith("health.checks[0].ca: '" + ca
        + "' is not a valid PEM certificate file: "), problems.get(0));
    assertTrue(problems.get(0).endsWith(CA_RULE), problems.get(0));
  }

  @Test
  void caDirectory_cannotBeRead(@TempDir Path dir) {
    assertEquals(List.of("health.checks[0].ca: '" + dir + "' cannot be read: Is a directory"
            + CA_RULE),
        problems(config(health("", "{ name: a, kind: http, url: 'https://h/', ca: '" + dir + "' }"))));
  }

  @Test
  void caAndInsecureTogether_isRefused(@TempDir Path dir) throws Exception {
    Path ca = TestCa.write(dir);
    assertEquals(List.of("health.checks[0]: gives both ca and insecure: true; give ca to verify"
            + " the server, or insecure: true to skip verification, not both"),
        problems(config(health("", "{ name: a, kind: http, url: 'https://h/', ca: '" + ca
            + "', insecure: true }"))));
  }

  @Test
  void tooManyChecks_isRefused() {
    String[] checks = new String[17];
    for (int i = 0; i < checks.length; i++) {
      checks[i] = "{ name: c" + i + ", kind: tcp, address: 127.0.0.1:" + (2000 + i) + " }";
    }
    assertEquals(List.of("health.checks: has 17 checks; give 1..16"), problems(config(health("", checks))));
  }

  @Test
  void everyProblem_isReportedAtOnce() {
    List<String> problems = problems(config(health("fall: 0\n  rise: 0\n  interval: 500ms",
        "{ name: a, kind: xyz }", "{ name: a, kind: exec, command: [sh] }",
        "{ name: b, kind: http, url: 'https://h/' }")));
    assertEquals(List.of(
        "health.fall: 0 must be an integer 1..100 (consecutive failing rounds before this node"
            + " counts as unhealthy)",
        "health.rise: 0 must be an integer 1..100 (consecutive passing rounds before this node"
            + " counts as healthy)",
        "health.timeout: 1s (the default) must be shorter than health.interval (500ms): every"
            + " check of a round must end before the next round starts",
        "health.checks[0].kind: unknown kind 'xyz'; known: http, tcp, exec",
        "health.checks[1].name: 'a' is used twice (also health.checks[0].name); each check needs"
            + " its own name",
        "health.checks[1].command[0]: 'sh' must be an absolute path: the command runs without a"
            + " shell and without a PATH lookup, e.g. /usr/local/bin/sh",
        "health.checks[2]: https://h/ " + HTTPS_NEEDS), problems);
  }

  @Test
  void badKeyAndBadValueInOneCheck_areBothReported() {
    assertEquals(List.of("unknown key 'adress' at health.checks[0] (did you mean 'address'?)",
        "health.checks[0].address: is required (where to connect, HOST:PORT, e.g."
            + " 127.0.0.1:2379)"),
        problems(config(health("", "{ name: a, kind: tcp, adress: 127.0.0.1:2379 }"))));
  }

  @Test
  void absentHealth_meansNoGating() throws ConfigException {
    RaftvipConfig c = parse(config());
    assertNull(c.health());
    assertEquals(false, c.healthGated());
  }

  @Test
  void defaults_fillEverySetting() throws ConfigException {
    HealthConfig h = parse(config(health("", TCP))).health();
    assertEquals(new HealthConfig(Duration.ofSeconds(2), Duration.ofSeconds(1), 3, 3,
        Duration.ofSeconds(30), false,
        List.of(new TcpCheckConfig("etcd-port", new HostPort("127.0.0.1", 2379)))), h);
  }

  @Test
  void everyKind_isRead(@TempDir Path dir) throws Exception {
    Path ca = TestCa.write(dir);
    RaftvipConfig c = parse(config(health(
        "interval: 500ms\n  timeout: 400ms\n  fall: 1\n  rise: 100\n  hold-down: 0\n  preempt: true",
        "{ name: apiserver, kind: http, url: 'https://127.0.0.1:6443/readyz', ca: '" + ca
            + "', server-name: kubernetes }",
        "{ name: apiserver-insecure, kind: http, url: 'https://[::1]:6443/readyz', insecure: true }",
        "{ name: plain, kind: http, url: 'HTTP://localhost/healthz?verbose' }",
        "{ name: etcd-port, kind: tcp, address: '[fd00::1]:2379' }",
        "{ name: script, kind: exec, command: [/usr/local/bin/check-cp, --quiet, ''] }")));
    assertTrue(c.healthGated());
    assertEquals(new HealthConfig(Duration.ofMillis(500), Duration.ofMillis(400), 1, 100,
        Duration.ZERO, true, List.of(
            new HttpCheckConfig("apiserver", URI.create("https://127.0.0.1:6443/readyz"), ca, false,
                "kubernetes"),
            new HttpCheckConfig("apiserver-insecure", URI.create("https://[::1]:6443/readyz"), null,
                true, null),
            new HttpCheckConfig("plain", URI.create("HTTP://localhost/healthz?verbose"), null, false,
                null),
            new TcpCheckConfig("etcd-port", new HostPort("fd00::1", 2379)),
            new ExecCheckConfig("script", List.of("/usr/local/bin/check-cp", "--quiet", "")))),
        c.health());
    HttpCheckConfig plain = (HttpCheckConfig) c.health().checks().get(2);
    assertEquals(80, plain.port());
    assertEquals(6443, ((HttpCheckConfig) c.health().checks().get(0)).port());
  }
}
