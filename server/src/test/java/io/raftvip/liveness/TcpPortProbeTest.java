package io.raftvip.liveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Loopback only. "No answer at all" needs a cut link: ClusterFailoverIT covers it in namespaces. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TcpPortProbeTest {

  private final TcpPortProbe probe = new TcpPortProbe();
  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  @Test
  void aListenerThatNeverAccepts_stillAnswers_asAStoppedProcessesKernelDoes() throws IOException {
    try (ServerSocket stalled = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      // Nobody calls accept(): the kernel completes the handshake into the backlog by itself.
      for (int i = 0; i < 3; i++) {
        assertEquals(PortAnswer.ACCEPTED, probe.probe("127.0.0.1:" + stalled.getLocalPort(), TIMEOUT));
      }
    }
  }

  @Test
  void aClosedPort_refuses_asADeadProcessesPortDoes() throws IOException {
    final int port;
    try (ServerSocket gone = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      port = gone.getLocalPort();
    }
    assertEquals(PortAnswer.REFUSED, probe.probe("127.0.0.1:" + port, TIMEOUT));
  }

  @Test
  void anIpv6Listener_isProbedThroughItsBracketedAddress() throws IOException {
    try (ServerSocket listener = new ServerSocket()) {
      listener.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
      assertEquals(PortAnswer.ACCEPTED, probe.probe("[::1]:" + listener.getLocalPort(), TIMEOUT));
    } catch (java.net.SocketException noIpv6) {
      // a host without IPv6 loopback: nothing to show here
    }
  }

  @Test
  void anAddressThatIsNotHostPort_countsAsSilent_andIsNotFatal() {
    assertEquals(PortAnswer.SILENT, probe.probe("no-port-here", TIMEOUT));
    assertThrows(IllegalArgumentException.class, () -> TcpPortProbe.parse("host:"));
    assertEquals(new InetSocketAddress("::1", 7420), TcpPortProbe.parse("[::1]:7420"));
  }
}
