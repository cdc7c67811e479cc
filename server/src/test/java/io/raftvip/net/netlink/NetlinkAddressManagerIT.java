package io.raftvip.net.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.net.AddressEvent;
import io.raftvip.net.AddressManager;
import io.raftvip.net.BoundAddress;
import io.raftvip.net.InterfaceNotFoundException;
import io.raftvip.net.Vip;
import io.raftvip.testing.Eventually;
import io.raftvip.testing.Netns;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link NetlinkAddressManager} against a real kernel, inside a private network namespace. */
@Tag("netns")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NetlinkAddressManagerIT {

  private static final String IF = "rvna0";
  private static Netns ns;
  private static Netns peer;
  private static NativeLibC libc;
  private static NetlinkAddressManager manager;

  @BeforeAll
  static void setUp() {
    Netns.requireRootAndNetns();
    Netns.deleteAll("rvn-am-");
    ns = Netns.create("rvn-am-");
    peer = Netns.create("rvn-am-");
    Netns.veth(ns, IF, peer, "rvnb0");
    libc = NativeLibC.load();
    manager = ns.runIn(() -> new NetlinkAddressManager(libc));
  }

  @AfterAll
  static void tearDown() {
    if (manager != null) {
      manager.close();
    }
    if (ns != null) {
      ns.close();
    }
    if (peer != null) {
      peer.close();
    }
  }

  private static Vip vip(String ip) throws Exception {
    return new Vip(InetAddress.getByName(ip), IF);
  }

  private static boolean listed(Vip vip) {
    return manager.list(IF).stream().anyMatch(a -> a.matches(vip) && a.ours());
  }

  private static String ipAddr() {
    return ns.exec("ip", "-o", "addr", "show", "dev", IF);
  }

  @Test
  void ipv4_addThenRemove_seenByDumpAndByIpCommand() throws Exception {
    Vip vip = vip("10.213.1.100");
    manager.add(vip, Duration.ZERO);
    manager.add(vip, Duration.ZERO); // idempotent
    assertTrue(listed(vip), manager.list(IF).toString());
    assertTrue(ipAddr().contains("inet 10.213.1.100/32"), ipAddr());
    assertTrue(ipAddr().matches("(?s).*10\\.213\\.1\\.100/32.*valid_lft forever preferred_lft forever.*"), ipAddr());

    manager.remove(vip);
    manager.remove(vip); // idempotent
    assertFalse(listed(vip));
    assertFalse(ipAddr().contains("10.213.1.100"), ipAddr());
  }

  @Test
  void ipv6_addThenRemove_seenByDumpAndByIpCommand() throws Exception {
    Vip vip = vip("fd00:213:1::100");
    manager.add(vip, Duration.ZERO);
    manager.add(vip, Duration.ZERO);
    assertTrue(listed(vip), manager.list(IF).toString());
    String out = ipAddr();
    assertTrue(out.contains("inet6 fd00:213:1::100/128"), out);
    assertTrue(out.contains("nodad") && out.contains("noprefixroute"), out);
    assertFalse(ns.exec("ip", "-6", "route", "show", "table", "main").contains("fd00:213:1::100"),
        "no prefix route expected");

    manager.remove(vip);
    manager.remove(vip);
    assertFalse(listed(vip));
    assertFalse(ipAddr().contains("fd00:213:1::100"), ipAddr());
  }

  @Test
  void events_tellOurChangesFromOthers() throws Exception {
    Vip vip = vip("10.213.1.102");
    BlockingQueue<AddressEvent> events = new LinkedBlockingQueue<>();
    try (AddressManager.Subscription sub = ns.runIn(() -> manager.subscribe(events::add))) {
      manager.add(vip, Duration.ZERO);
      AddressEvent added = next(events, vip);
      assertEquals(AddressEvent.Kind.ADDED, added.kind());
      assertTrue(added.byUs());
      assertTrue(added.address().ours());
      assertEquals(IF, added.address().interfaceName());

      ns.exec("ip", "addr", "del", "10.213.1.102/32", "dev", IF);
      AddressEvent removedByOther = next(events, vip);
      assertEquals(AddressEvent.Kind.REMOVED, removedByOther.kind());
      assertFalse(removedByOther.byUs());

      manager.add(vip, Duration.ZERO);
      assertTrue(next(events, vip).byUs());
      manager.remove(vip);
      AddressEvent removedByUs = next(events, vip);
      assertEquals(AddressEvent.Kind.REMOVED, removedByUs.kind());
      assertTrue(removedByUs.byUs());
    }
  }

  private static AddressEvent next(BlockingQueue<AddressEvent> events, Vip vip) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < end) {
      AddressEvent e = events.poll(100, TimeUnit.MILLISECONDS);
      if (e != null && e.address().matches(vip)) {
        return e;
      }
    }
    throw new AssertionError("no event for " + vip + " within 5 s");
  }

  @Test
  void listOurs_findsStaleTaggedVip_andLeavesUntaggedAddressAlone() throws Exception {
    Vip stale = vip("10.213.1.103");
    try (NetlinkAddressManager previousProcess = ns.runIn(() -> new NetlinkAddressManager(libc))) {
      previousProcess.add(stale, Duration.ZERO);
    }
    ns.exec("ip", "addr", "add", "10.213.1.104/32", "dev", IF);
    ns.exec("ip", "addr", "add", "fd00:213:1::104/128", "dev", IF, "nodad");

    for (BoundAddress a : manager.listOurs()) {
      manager.remove(new Vip(a.address(), a.interfaceName()));
    }

    String out = ipAddr();
    assertFalse(out.contains("10.213.1.103"), out);
    assertTrue(out.contains("10.213.1.104/32"), out);
    assertTrue(out.contains("fd00:213:1::104/128"), out);
    assertTrue(manager.list(IF).stream().anyMatch(a -> a.address().getHostAddress().equals("10.213.1.104") && !a.ours()));
    ns.exec("ip", "addr", "del", "10.213.1.104/32", "dev", IF);
    ns.exec("ip", "addr", "del", "fd00:213:1::104/128", "dev", IF);
  }

  @Test
  void missingInterface_namesTheInterfacesThatExist() {
    Vip wrong = new Vip(InetAddress.getLoopbackAddress(), "eth0");
    InterfaceNotFoundException e = assertThrows(InterfaceNotFoundException.class,
        () -> manager.add(wrong, Duration.ZERO));
    assertEquals("interface 'eth0' not found; this host has: lo, " + IF, e.getMessage());
    assertEquals(Errno.ENODEV, e.errno());
    manager.remove(wrong); // nothing to remove on a missing interface: no error
  }

  @Test
  void validLifetime_expiresUnlessRefreshed() throws Exception {
    Vip vip = vip("10.213.1.107");
    manager.add(vip, Duration.ofSeconds(2));
    assertTrue(ipAddr().matches("(?s).*10\\.213\\.1\\.107/32.*valid_lft [12]sec preferred_lft 0sec.*"), ipAddr());
    // Refreshing keeps it well past its first expiry...
    long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(4_000);
    while (System.nanoTime() < until) {
      manager.add(vip, Duration.ofSeconds(2));
      assertTrue(listed(vip), "refreshed VIP vanished: " + ipAddr());
      Thread.sleep(500); // the refresh cadence under test, not a wait for a condition
    }
    // ...and without refreshes the kernel removes it.
    Eventually.until(Duration.ofSeconds(6), () -> !listed(vip), NetlinkAddressManagerIT::ipAddr);
  }
}
