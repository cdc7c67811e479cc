package io.raftvip.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Tag("netns")
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NetnsIT {

  @BeforeAll
  static void checkHost() {
    Netns.requireRootAndNetns();
    Netns.deleteAll("rvn-t-");
  }

  @Test
  void veth_connectsTwoNamespaces_andRunInSeesOnlyTheNamespacesInterfaces() {
    try (Netns a = Netns.create("rvn-t-"); Netns b = Netns.create("rvn-t-")) {
      Netns.veth(a, "rvna", b, "rvnb");
      a.exec("ip", "addr", "add", "10.213.250.1/24", "dev", "rvna");
      b.exec("ip", "addr", "add", "10.213.250.2/24", "dev", "rvnb");
      assertTrue(a.runIn(() -> InetAddress.getByName("10.213.250.2").isReachable(5000)));

      // /proc/thread-self/net, not /proc/net: the latter shows the process's (main thread's) namespace.
      List<String> names = a.runIn(() -> Files.readAllLines(Path.of("/proc/thread-self/net/dev")).stream()
          .skip(2).map(l -> l.split(":")[0].trim()).sorted().toList());
      assertEquals(List.of("lo", "rvna"), names);
    }
  }

  @Test
  void bridge_connectsEveryNode() {
    try (Netns sw = Netns.create("rvn-t-"); Netns n1 = Netns.create("rvn-t-");
         Netns n2 = Netns.create("rvn-t-"); Netns n3 = Netns.create("rvn-t-")) {
      sw.bridge("rvnbr", "eth0", List.of(n1, n2, n3));
      n1.exec("ip", "addr", "add", "10.213.251.1/24", "dev", "eth0");
      n3.exec("ip", "addr", "add", "10.213.251.3/24", "dev", "eth0");
      assertTrue(n1.runIn(() -> InetAddress.getByName("10.213.251.3").isReachable(5000)));
      assertTrue(n3.exec("ip", "neigh", "show", "dev", "eth0").contains("10.213.251.1"));
    }
  }

  @Test
  void deleteAll_leavesNamespacesOfLiveProcesses_andNamesWithoutACreator() {
    try (Netns mine = Netns.create("rvn-t-")) {
      Netns.deleteAll("rvn-t-");
      assertTrue(NetnsCommand.run(Netns.COMMAND_TIMEOUT, "ip", "netns", "list").stdout().contains(mine.name()),
          "a namespace of this (live) JVM survives deleteAll");
    }
    assertFalse(Netns.creatorGone("rvn-t-1a2b3c"), "no creator pid: not known to be a leftover");
    assertFalse(Netns.creatorGone("rvn-t-1a2b3c-p" + ProcessHandle.current().pid()));
  }

  @Test
  void close_removesTheNamespace() {
    Netns ns = Netns.create("rvn-t-");
    assertTrue(NetnsCommand.run(Netns.COMMAND_TIMEOUT, "ip", "netns", "list").stdout().contains(ns.name()));
    ns.close();
    assertFalse(NetnsCommand.run(Netns.COMMAND_TIMEOUT, "ip", "netns", "list").stdout().contains(ns.name()));
  }
}
