package io.raftvip.announce;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.net.NetworkException;
import io.raftvip.net.Vip;
import io.raftvip.net.netlink.NativeLibC;
import io.raftvip.net.netlink.NetlinkAddressManager;
import io.raftvip.testing.Eventually;
import io.raftvip.testing.Netns;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link PacketAnnouncer} on a veth pair between two namespaces: the peer holds a neighbour
 * entry for the VIP pointing at a fake MAC, and must end up with ours after one announcement.
 */
@Tag("netns")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PacketAnnouncerIT {

  private static final String FAKE_MAC = "02:00:00:00:00:99";
  private static Netns owner;
  private static Netns peer;
  private static NetlinkAddressManager addresses;
  private static PacketAnnouncer announcer;
  private static String ownerMac;

  @BeforeAll
  static void setUp() {
    Netns.requireRootAndNetns();
    Netns.deleteAll("rvn-an-");
    owner = Netns.create("rvn-an-");
    peer = Netns.create("rvn-an-");
    for (Netns ns : new Netns[] {owner, peer}) {
      // Link-local addresses usable at once: the NA needs one as its source.
      ns.exec("sysctl", "-q", "-w", "net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0");
    }
    Netns.veth(owner, "rvna0", peer, "rvnb0");
    owner.exec("ip", "addr", "add", "10.213.2.1/24", "dev", "rvna0");
    peer.exec("ip", "addr", "add", "10.213.2.2/24", "dev", "rvnb0");
    owner.exec("ip", "addr", "add", "fd00:213:2::1/64", "dev", "rvna0", "nodad");
    peer.exec("ip", "addr", "add", "fd00:213:2::2/64", "dev", "rvnb0", "nodad");
    ownerMac = owner.exec("cat", "/sys/class/net/rvna0/address").trim();
    NativeLibC libc = NativeLibC.load();
    addresses = owner.runIn(() -> new NetlinkAddressManager(libc));
    announcer = owner.runIn(() -> new PacketAnnouncer(libc));
  }

  @AfterAll
  static void tearDown() {
    if (announcer != null) {
      announcer.close();
    }
    if (addresses != null) {
      addresses.close();
    }
    if (owner != null) {
      owner.close();
    }
    if (peer != null) {
      peer.close();
    }
  }

  @Test
  void ipv4_gratuitousArp_movesPeersNeighbourEntryToOurMac() throws Exception {
    assertPeerLearnsOurMac(new Vip(InetAddress.getByName("10.213.2.100"), "rvna0"));
  }

  @Test
  void ipv6_unsolicitedNa_movesPeersNeighbourEntryToOurMac() throws Exception {
    assertPeerLearnsOurMac(new Vip(InetAddress.getByName("fd00:213:2::100"), "rvna0"));
  }

  private static void assertPeerLearnsOurMac(Vip vip) {
    String ip = vip.address().getHostAddress();
    peer.exec("ip", "neigh", "replace", ip, "lladdr", FAKE_MAC, "dev", "rvnb0", "nud", "stale");
    assertTrue(neighbour(ip).contains(FAKE_MAC), neighbour(ip));
    addresses.add(vip, Duration.ZERO);
    try {
      announcer.announce(vip);
      Eventually.until(Duration.ofSeconds(5), () -> neighbour(ip).contains(ownerMac), () -> neighbour(ip));
      assertFalse(neighbour(ip).contains(FAKE_MAC));
    } finally {
      addresses.remove(vip);
    }
  }

  private static String neighbour(String ip) {
    return peer.exec("ip", "neigh", "show", ip, "dev", "rvnb0");
  }

  @Test
  void missingInterface_namesTheCallAndErrno() throws Exception {
    Vip vip = new Vip(InetAddress.getByName("10.213.2.101"), "eth0");
    NetworkException e = assertThrows(NetworkException.class, () -> announcer.announce(vip));
    assertTrue(e.getMessage().startsWith("SIOCGIFINDEX eth0: ENODEV (No such device)"), e.getMessage());
  }
}
