package io.raftvip.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Global options, help and the usage errors that never reach the server. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UsageTest {
  private CtlHarness ctl;

  @BeforeEach
  void start() throws Exception {
    ctl = new CtlHarness();
  }

  @AfterEach
  void stop() throws Exception {
    ctl.close();
  }

  @Test
  void noCommand_exits2() {
    CtlHarness.Result result = ctl.run();
    assertEquals(2, result.exitCode());
    assertEquals("raftvipctl: missing command: status, owner, members, member add|remove, transfer or watch"
        + " (see 'raftvipctl --help')\n", result.err());
  }

  @Test
  void unknownOption_exits2() {
    CtlHarness.Result result = ctl.run("status", "--bogus");
    assertEquals(2, result.exitCode());
    assertEquals("raftvipctl: Unknown option: '--bogus' (see 'raftvipctl status --help')\n", result.err());
  }

  @Test
  void badOutputFormat_exits2() {
    CtlHarness.Result result = ctl.run("-o", "yaml", "status");
    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("'yaml' is not an output format (expected table or json)"), result.err());
  }

  @Test
  void badTimeout_exits2() {
    CtlHarness.Result result = ctl.run("--timeout", "5", "status");
    assertEquals(2, result.exitCode());
    assertTrue(result.err().contains("'5' is not a duration (expected e.g. 500ms, 5s, 1m)"), result.err());
  }

  @Test
  void badEndpoint_exits2() {
    CtlHarness.Result result = ctl.run("--endpoint", "http://x:1", "status");
    assertEquals(2, result.exitCode());
    assertEquals("raftvipctl: invalid --endpoint 'http://x:1': expected unix:///PATH or HOST:PORT"
        + " (no other URL schemes)\n", result.err());
  }

  @Test
  void tlsOnUnixSocket_exits2() {
    CtlHarness.Result result = ctl.run("--tls-ca", "/etc/raftvip/ca.pem", "status");
    assertEquals(2, result.exitCode());
    assertTrue(result.err().startsWith("raftvipctl: --tls-cert/--tls-key/--tls-ca apply to HOST:PORT endpoints only"),
        result.err());
  }

  @Test
  void tlsCertWithoutKey_exits2() {
    CtlHarness.Result result = ctl.run("--endpoint", "10.4.0.10:7421", "--tls-cert", "/c.pem", "status");
    assertEquals(2, result.exitCode());
    assertEquals("raftvipctl: --tls-cert and --tls-key go together (mutual TLS); got only --tls-cert\n", result.err());
  }

  @Test
  void endpoint_defaultsToSocket_thenEnvironment_thenFlag() {
    ctl.run("owner");
    ctl.run(Map.of(Endpoint.ENV, "unix:///tmp/x.sock"), "owner");
    ctl.run(Map.of(Endpoint.ENV, "unix:///tmp/x.sock"), "--endpoint", "10.4.0.10:7421", "owner");
    assertEquals(List.of(
        new Endpoint("unix:///run/raftvip/admin.sock", "/run/raftvip/admin.sock", null),
        new Endpoint("unix:///tmp/x.sock", "/tmp/x.sock", null),
        new Endpoint("10.4.0.10:7421", null, new HostPort("10.4.0.10", 7421))), ctl.opened);
  }

  @Test
  void optionsAfterTheCommand_work() {
    assertTrue(ctl.run("members", "--output", "JSON").out().startsWith("{"));
  }

  @Test
  void help_listsCommandsAndExitCodes() {
    CtlHarness.Result result = ctl.run("--help");
    assertEquals(0, result.exitCode());
    String help = result.out();
    for (String command : List.of("status", "owner", "members", "member", "transfer", "watch")) {
      assertTrue(help.contains("  " + command + " "), command + " missing in\n" + help);
    }
    assertTrue(help.contains("Exit codes:"), help);
    for (ExitCode code : ExitCode.values()) {
      assertTrue(help.contains(code.code() + "   " + code.description()), code + " missing in\n" + help);
    }
  }

  @Test
  void subcommandHelp_alsoListsExitCodes() {
    String help = ctl.run("member", "add", "--help").out();
    assertTrue(help.contains("Usage: raftvipctl member add"), help);
    assertTrue(help.contains("Exit codes:"), help);
  }
}
