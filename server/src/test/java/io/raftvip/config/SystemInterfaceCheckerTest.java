package io.raftvip.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
