package io.raftvip.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SystemInterfaceCheckerTest {

  @Test
  void procNetDev_listsEveryInterfaceInOrder(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("dev");
    Files.writeString(file, """
        Inter-|   Receive                                                |  Transmit
         face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets
            lo:  123456     789    0    0    0     0          0         0   123456     789
          end0: 9876543   12345    0    0    0     0          0        10  1234567    2345
        veth-rv1@if2:       0       0    0    0    0     0          0         0        0       0
        """);
    assertEquals(List.of("lo", "end0", "veth-rv1@if2"),
        new SystemInterfaceChecker(file).existingInterfaces());
  }

  @Test
  void ipv6Unavailable_fromDisableIpv6_perInterface(@TempDir Path dir) throws Exception {
    Path conf = dir.resolve("conf");
    Files.createDirectories(conf.resolve("end0"));
    Files.createDirectories(conf.resolve("end1"));
    Files.writeString(conf.resolve("end0/disable_ipv6"), "1\n");
    Files.writeString(conf.resolve("end1/disable_ipv6"), "0\n");
    SystemInterfaceChecker checker = new SystemInterfaceChecker(dir.resolve("dev"), conf);
    assertEquals("IPv6 is disabled on 'end0' (net.ipv6.conf.end0.disable_ipv6 = 1)", checker.ipv6Unavailable("end0"));
    assertNull(checker.ipv6Unavailable("end1"));
    assertNull(checker.ipv6Unavailable("wlan0"), "unknown here: nothing said against it");
  }

  @Test
  void ipv6Unavailable_onAHostWithoutIpv6(@TempDir Path dir) {
    Path conf = dir.resolve("absent");
    assertEquals("IPv6 is disabled on this host (there is no " + conf + "; booted with ipv6.disable=1?)",
        new SystemInterfaceChecker(dir.resolve("dev"), conf).ipv6Unavailable("end0"));
  }

  @Test
  void thisHost_hasLoopback() {
    List<String> names = new SystemInterfaceChecker().existingInterfaces();
    assertTrue(names.contains("lo"), names::toString);
  }

  @Test
  void withoutProcfs_fallsBackToJava(@TempDir Path dir) {
    List<String> names = new SystemInterfaceChecker(dir.resolve("absent")).existingInterfaces();
    assertFalse(names.isEmpty());
  }
}
