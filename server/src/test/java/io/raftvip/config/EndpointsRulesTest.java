package io.raftvip.config;

import static io.raftvip.config.TestYaml.config;
import static io.raftvip.config.TestYaml.parse;
import static io.raftvip.config.TestYaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EndpointsRulesTest {

  static Stream<Arguments> brokenEndpoints() {
    String longSocket = "/run/" + "x".repeat(103);
    return Stream.of(
        Arguments.of("admin: { socket: admin.sock }", "admin.socket: 'admin.sock' must be an absolute path"),
        Arguments.of("admin: { socket: '" + longSocket + "' }",
            "admin.socket: '" + longSocket + "' is 108 bytes long; a unix socket path can have at"
                + " most 107"),
        Arguments.of("admin: { listen: 7421 }",
            "admin.listen: expected text, got the number 7421; quote it if it is meant as text"),
        Arguments.of("admin: { listen: ':7421' }",
            "admin.listen: ':7421' has no host; write e.g. 0.0.0.0:7421 to listen on all"
                + " addresses; or write off"),
        Arguments.of("admin: { listen: 'localhost' }",
            "admin.listen: 'localhost' must be HOST:PORT, e.g. 10.4.0.10:7420; or write off"),
        Arguments.of("admin: { tls: { cert: /etc/raftvip/node.crt, key: /etc/raftvip/node.key } }",
            "admin.tls.ca: is required when tls is given (the CA that signed every member and"
                + " admin client, a PEM file)"),
        Arguments.of("admin: { tls: { cert: node.crt, key: /k, ca: /ca } }",
            "admin.tls.cert: 'node.crt' must be an absolute path"),
        Arguments.of("admin: { tls: { cert: /c, key: /k, ca: /ca, crl: /crl } }",
            "unknown key 'crl' at admin.tls; allowed here: cert, key, ca"),
        Arguments.of("admin: { sockets: /run/a.sock }",
            "unknown key 'sockets' at admin (did you mean 'socket'?)"),
        Arguments.of("admin: /run/raftvip/admin.sock",
            "admin: expected a mapping like { socket: /run/raftvip/admin.sock, listen:"
                + " 127.0.0.1:7421 }, got '/run/raftvip/admin.sock'"),
        Arguments.of("metrics: { listen: '127.0.0.1:99999' }",
            "metrics.listen: '127.0.0.1:99999' has port '99999'; the port must be 1..65535; or"
                + " write off"),
        Arguments.of("metrics: { listen: on }",
            "metrics.listen: expected text, got the boolean true (YAML reads unquoted yes, no, on,"
                + " off, true, false as booleans); quote it"),
        Arguments.of("metrics: { port: 9742 }",
            "unknown key 'port' at metrics; allowed here: listen"),
        Arguments.of("admin: { allow: [ ops ] }",
            "admin.allow: names client certificates, so it needs admin.tls (and admin.listen): without TLS"
                + " no client has an identity to check"),
        Arguments.of("admin: { tls: { cert: /c, key: /k, ca: /ca }, allow: ops }",
            "admin.allow: expected a list like [ ops-laptop, 10.4.0.50 ], got 'ops'"),
        Arguments.of("admin: { tls: { cert: /c, key: /k, ca: /ca }, allow: [ ' ops' ] }",
            "admin.allow[0]: ' ops' must be a certificate name (a CN, DNS name, IP address or URI) without"
                + " surrounding spaces"),
        Arguments.of("admin: { tls: { cert: /c, key: /k, ca: /ca }, allow: [ 7 ] }",
            "admin.allow[0]: expected text, got the number 7; quote it if it is meant as text"));
  }

  @Test
  void allowList_isReadAsWritten_andDefaultsToNobody() throws Exception {
    assertEquals(List.of("ops-laptop", "10.4.0.50", "spiffe://goldentooth/ops"), parse(config(
        "admin: { tls: { cert: /c, key: /k, ca: /ca }, allow: [ ops-laptop, 10.4.0.50, 'spiffe://goldentooth/ops' ] }"))
        .admin().allow());
    assertEquals(List.of(), parse(config("admin: { tls: { cert: /c, key: /k, ca: /ca } }")).admin().allow());
  }

  @ParameterizedTest
  @MethodSource("brokenEndpoints")
  void brokenEndpoint_isReportedWithKeyValueAndRule(String section, String expected) {
    assertEquals(List.of(expected), problems(config(section)));
  }

  @Test
  void absentAdminAndMetrics_areDefaults() throws ConfigException {
    RaftvipConfig c = parse(config());
    assertEquals(new AdminConfig(Path.of("/run/raftvip/admin.sock"), null, null), c.admin());
    assertEquals(MetricsConfig.off(), c.metrics());
    assertEquals(Path.of("/var/lib/raftvip"), c.storage());
  }

  @Test
  void listenOff_isOff() throws ConfigException {
    RaftvipConfig c = parse(config("admin: { listen: off }", "metrics: { listen: off }"));
    assertNull(c.admin().listen());
    assertEquals(false, c.metrics().enabled());
    RaftvipConfig quoted = parse(config("metrics: { listen: 'off' }"));
    assertEquals(false, quoted.metrics().enabled());
    assertEquals(MetricsConfig.off(), parse(config("metrics: off")).metrics());
  }

  @Test
  void tcpAdminWithTls_andMetrics_areRead() throws ConfigException {
    RaftvipConfig c = parse(config(
        "admin: { socket: /tmp/a.sock, listen: 127.0.0.1:7421, tls: { cert: /t/n.crt, key: /t/n.key,"
            + " ca: /t/ca.crt } }",
        "metrics: { listen: '[::1]:9742' }", "storage: /srv/raftvip"));
    assertEquals(new AdminConfig(Path.of("/tmp/a.sock"), new HostPort("127.0.0.1", 7421),
        new TlsConfig(Path.of("/t/n.crt"), Path.of("/t/n.key"), Path.of("/t/ca.crt"))), c.admin());
    assertEquals("[::1]:9742", c.metrics().listen().toString());
    assertEquals(Path.of("/srv/raftvip"), c.storage());
  }
}
