package io.raftvip.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real channel builder against endpoints where nobody listens. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UnreachableEndpointTest {
  @TempDir
  Path dir;

  @Test
  void missingUnixSocket_exits4WithOneLine() {
    String endpoint = "unix://" + dir.resolve("admin.sock");
    CtlHarness.Result result = CtlHarness.runReal("--endpoint", endpoint, "status");
    assertEquals(4, result.exitCode(), result.err());
    assertEquals("raftvipctl: cannot reach " + endpoint
        + ": no such file or directory (is raftvip running? is --endpoint right?)\n", result.err());
    assertEquals("", result.out());
  }

  @Test
  void closedTcpPort_exits4WithConnectionRefused() throws Exception {
    int port;
    // A port that was just free: nothing listens on it once the socket is closed.
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }
    String endpoint = "127.0.0.1:" + port;
    CtlHarness.Result result = CtlHarness.runReal("--endpoint", endpoint, "owner");
    assertEquals(4, result.exitCode(), result.err());
    assertEquals("raftvipctl: cannot reach " + endpoint
        + ": connection refused (is raftvip running? is --endpoint right?)\n", result.err());
  }

  @Test
  void watchOnMissingSocket_exits4() {
    String endpoint = "unix://" + dir.resolve("none.sock");
    assertEquals(4, CtlHarness.runReal("--endpoint", endpoint, "watch").exitCode());
  }
}
