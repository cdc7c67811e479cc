package io.raftvip.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.config.HostPort;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpCheckTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  @Test
  void openPort_isHealthy() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      CheckResult result = new TcpCheck("etcd", new HostPort("127.0.0.1", server.getLocalPort()))
          .run(TIMEOUT);
      assertTrue(result.healthy(), result::toString);
      assertEquals("connected to 127.0.0.1:" + server.getLocalPort(), result.reason());
    }
  }

  @Test
  void openIpv6Port_isHealthy() throws Exception {
    InetAddress ipv6Loopback = InetAddress.getByName("::1");
    try (ServerSocket server = new ServerSocket(0, 50, ipv6Loopback)) {
      CheckResult result = new TcpCheck("etcd", new HostPort("::1", server.getLocalPort()))
          .run(TIMEOUT);
      assertTrue(result.healthy(), result::toString);
      assertEquals("connected to [::1]:" + server.getLocalPort(), result.reason());
    } catch (java.net.SocketException e) {
      org.junit.jupiter.api.Assumptions.abort("no IPv6 loopback here: " + e.getMessage());
    }
  }

  @Test
  void closedPort_isRefused() throws Exception {
    int port;
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = server.getLocalPort();
    }
    CheckResult result = new TcpCheck("etcd", new HostPort("127.0.0.1", port)).run(TIMEOUT);
    assertFalse(result.healthy());
    assertEquals("connection refused", result.reason());
  }
}
