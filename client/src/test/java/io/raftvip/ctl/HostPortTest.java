package io.raftvip.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HostPortTest {
  @Test
  void parsesHostnamesIpv4AndBracketedIpv6() {
    assertEquals(new HostPort("bettley.lan", 7420), HostPort.parse("x", "bettley.lan:7420"));
    assertEquals(new HostPort("10.4.0.11", 1), HostPort.parse("x", "10.4.0.11:1"));
    assertEquals(new HostPort("fd00::11", 65535), HostPort.parse("x", "[fd00::11]:65535"));
    assertEquals("[fd00::11]:7420", HostPort.parse("x", "[fd00::11]:7420").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10.4.0.11", ":7420", "10.4.0.11:", "fd00::11:7420", "[fd00::11:7420",
      "host name:1", "h:0", "h:65536", "h:+1", "h:123456", "-h:1", "[zz::1]:1"})
  void rejectsMalformed(String text) {
    CtlException e = assertThrows(CtlException.class, () -> HostPort.parse("member address", text));
    assertEquals(ExitCode.USAGE, e.exitCode());
  }
}
