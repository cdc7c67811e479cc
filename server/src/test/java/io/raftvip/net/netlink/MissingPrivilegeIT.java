package io.raftvip.net.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.testing.Netns;
import io.raftvip.testing.NetnsCommand;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Runs {@link PrivilegeProbe} in a child JVM whose bounding set lacks CAP_NET_ADMIN and
 * CAP_NET_RAW (setpriv), so even root loses them, and checks the messages name the capability.
 */
@Tag("netns")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class MissingPrivilegeIT {

  @Test
  void withoutCapabilities_messagesNameTheCapabilityNeeded() {
    Netns.requireRootAndNetns();
    NetnsCommand.Result which = NetnsCommand.run(Duration.ofSeconds(5), "sh", "-c", "command -v setpriv");
    if (which.exitCode() != 0) {
      System.err.println("!!!!! SKIPPING MissingPrivilegeIT: setpriv not installed !!!!!");
      Assumptions.abort("setpriv (util-linux) is needed to drop capabilities in a child process");
    }
    try (Netns ns = Netns.create("rvn-pv-"); Netns peer = Netns.create("rvn-pv-")) {
      Netns.veth(ns, "rvna0", peer, "rvnb0");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      NetnsCommand.Result r = ns.run(Duration.ofSeconds(60), "setpriv", "--inh-caps=-all",
          "--bounding-set=-net_admin,-net_raw", java, "-cp", System.getProperty("java.class.path"),
          PrivilegeProbe.class.getName(), "rvna0", "10.213.3.100");
      assertEquals(0, r.exitCode(), r.stderr());
      assertTrue(r.stdout().contains("NETLINK: RTM_NEWADDR 10.213.3.100/32 dev rvna0: EPERM (Operation not permitted);"
          + " this needs CAP_NET_ADMIN"), r.stdout());
      assertTrue(r.stdout().contains("PACKET: socket(AF_PACKET, SOCK_RAW, 0): EPERM (Operation not permitted);"
          + " this needs CAP_NET_RAW"), r.stdout());
    }
  }
}
