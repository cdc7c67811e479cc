package io.raftvip.it;

import io.raftvip.net.AddressEvent;
import io.raftvip.net.AddressListener;
import io.raftvip.net.AddressManager;
import io.raftvip.net.netlink.NativeLibC;
import io.raftvip.net.netlink.NetlinkAddressManager;
import io.raftvip.testing.Netns;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The network of a {@link ClusterLab}: a namespace per node, a switch namespace whose bridges
 * (one per link of the {@link LabLayout}) join them, a client namespace probing every VIP, and per
 * node an address watcher (feeding each VIP's {@link AddressTimeline}) and a UDP responder that
 * answers the probe with the node's id. Cutting a node detaches all its bridge ports.
 */
final class LabNetwork implements AutoCloseable {

  private static final int CLIENT_HOST = 50;

  private final String prefix;
  private final LabLayout layout;
  private final Map<String, AddressTimeline> timelines;
  private final Map<String, Netns> nodes = new LinkedHashMap<>();
  private final Map<String, List<String>> ports = new LinkedHashMap<>();
  private final Set<String> cut = new LinkedHashSet<>();
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final Map<String, ClientProbe> probes = new LinkedHashMap<>();
  private final NativeLibC libc = NativeLibC.load();
  private final Netns sw;
  private Netns client;

  /** The original lab network: one link, the IPv4 VIP {@link ClusterLab#VIP}, its changes into {@code timeline}. */
  LabNetwork(String prefix, List<String> ids, AddressTimeline timeline) throws IOException {
    this(prefix, ids, LabLayout.IPV4, Map.of(ClusterLab.VIP, timeline));
  }

  /**
   * Builds the switch, the nodes {@code ids} and the client, all connected on every link of
   * {@code layout}, and starts probing every VIP; deletes what it made if that fails halfway.
   *
   * @param timelines per VIP address of the layout, the timeline its changes go to
   */
  LabNetwork(String prefix, List<String> ids, LabLayout layout, Map<String, AddressTimeline> timelines)
      throws IOException {
    this.prefix = prefix;
    this.layout = layout;
    this.timelines = Map.copyOf(timelines);
    this.sw = Netns.create(prefix + "sw-");
    closeables.add(sw);
    try {
      final List<Netns> bridged = new ArrayList<>();
      for (String id : ids) {
        final Netns ns = Netns.create(prefix + id + "-");
        closeables.add(ns);
        nodes.put(id, ns);
        bridged.add(ns);
      }
      this.client = Netns.create(prefix + "cl-");
      closeables.add(client);
      bridged.add(client);
      for (int link = 0; link < layout.links(); link++) {
        sw.bridge("sw" + link, "eth" + link, bridged);
      }
      for (int i = 0; i < ids.size(); i++) {
        final List<String> nodePorts = new ArrayList<>();
        for (int link = 0; link < layout.links(); link++) {
          nodePorts.add("sw" + link + "p" + i); // as Netns.bridge names them
        }
        ports.put(ids.get(i), nodePorts);
        address(nodes.get(ids.get(i)), LabLayout.hostPart(ids.get(i)));
        watch(ids.get(i));
        respond(ids.get(i));
      }
      address(client, CLIENT_HOST);
      for (LabLayout.LabVip vip : layout.vips()) {
        final DatagramChannel channel = client.runIn(() -> DatagramChannel.open().bind(new InetSocketAddress(0)));
        probes.put(vip.address(), new ClientProbe(channel,
            new InetSocketAddress(InetAddress.getByName(vip.address()), ClusterLab.PROBE_PORT), 5));
      }
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /**
   * Gives {@code ns} its addresses on every link. IPv6 ones skip duplicate address detection:
   * the lab's addresses are unique, and a tentative address would only delay the first probes.
   */
  private void address(Netns ns, int host) {
    for (int link = 0; link < layout.links(); link++) {
      for (String a : layout.hostAddresses(host, link)) {
        if (a.indexOf(':') >= 0) {
          ns.exec("ip", "addr", "add", a, "dev", "eth" + link, "nodad");
        } else {
          ns.exec("ip", "addr", "add", a, "dev", "eth" + link);
        }
      }
    }
  }

  /** Adds node {@code id}'s namespace on new bridge ports, with its addresses, watcher and responder. */
  Netns add(String id) {
    final Netns ns = Netns.create(prefix + id + "-");
    closeables.add(ns);
    nodes.put(id, ns);
    ports.put(id, plugIn(ns, id));
    address(ns, LabLayout.hostPart(id));
    watch(id);
    respond(id);
    return ns;
  }

  /**
   * Attaches one more host (a bystander that sends nothing by itself) on every link, with host
   * part {@code host} in each subnet (not 11-19 or 50: those are the nodes' and the client's).
   * It is deleted with the lab.
   */
  Netns attach(String name, int host) {
    final Netns ns = Netns.create(prefix + name + "-");
    closeables.add(ns);
    plugIn(ns, name);
    address(ns, host);
    return ns;
  }

  /** @return the new switch ports, one per link, whose other ends are {@code eth<k>} in {@code ns} */
  private List<String> plugIn(Netns ns, String name) {
    final List<String> added = new ArrayList<>();
    for (int link = 0; link < layout.links(); link++) {
      final String port = "sw" + link + "x" + name;
      sw.exec("ip", "link", "add", port, "type", "veth", "peer", "name", "eth" + link, "netns", ns.name());
      sw.exec("ip", "link", "set", port, "master", "sw" + link, "up");
      ns.exec("ip", "link", "set", "eth" + link, "up");
      added.add(port);
    }
    return added;
  }

  Netns ns(String id) {
    return nodes.get(id);
  }

  Netns client() {
    return client;
  }

  /** @return the probe of the layout's first VIP */
  ClientProbe probe() {
    return probes.get(layout.primary().address());
  }

  /** @return the probe of {@code vip} */
  ClientProbe probe(String vip) {
    return probes.get(vip);
  }

  /**
   * Sends one UDP probe to {@code vip} from the client namespace, as {@link ClientProbe} does to the
   * lab's VIP.
   *
   * @return the id of the node that answered, or null when none did within {@code timeout}
   */
  String probeOnce(String vip, java.time.Duration timeout) {
    try (java.net.DatagramSocket socket = client.runIn(java.net.DatagramSocket::new)) {
      socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
      final byte[] ping = "ping".getBytes(StandardCharsets.US_ASCII);
      socket.send(new java.net.DatagramPacket(ping, ping.length,
          new InetSocketAddress(InetAddress.getByName(vip), ClusterLab.PROBE_PORT)));
      final java.net.DatagramPacket reply = new java.net.DatagramPacket(new byte[64], 64);
      socket.receive(reply);
      return new String(reply.getData(), 0, reply.getLength(), StandardCharsets.US_ASCII);
    } catch (java.net.SocketTimeoutException e) {
      return null;
    } catch (IOException e) {
      return null; // no route or no neighbour yet: nobody answered
    }
  }

  /** Detaches the node's ports from the bridges: it keeps running, cut off from everyone on every link. */
  void cut(String id) {
    for (String port : ports.get(id)) {
      sw.exec("ip", "link", "set", port, "nomaster");
    }
    cut.add(id);
  }

  void reconnect(String id) {
    final List<String> nodePorts = ports.get(id);
    for (int link = 0; link < nodePorts.size(); link++) {
      sw.exec("ip", "link", "set", nodePorts.get(link), "master", "sw" + link);
    }
    cut.remove(id);
  }

  /** @return the nodes cut off now */
  List<String> cutNodes() {
    return List.copyOf(cut);
  }

  /** Records every add/remove of every VIP on this node, from one netlink socket in its namespace. */
  private void watch(String id) {
    final Map<InetAddress, AddressTimeline> byAddress = new LinkedHashMap<>();
    timelines.forEach((vip, timeline) -> byAddress.put(ClusterLab.address(vip), timeline));
    final AddressManager.Subscription sub = nodes.get(id).runIn(() -> {
      final NetlinkAddressManager m = new NetlinkAddressManager(libc);
      closeables.add(m);
      return m.subscribe(new AddressListener() {
        @Override public void onEvent(AddressEvent e) {
          final AddressTimeline timeline = byAddress.get(e.address().address());
          if (timeline != null) {
            timeline.record(id, e.kind() == AddressEvent.Kind.ADDED, e.monotonicNanos());
          }
        }
      });
    });
    closeables.add(sub::close);
  }

  /**
   * Answers every UDP probe with this node's id, from inside its namespace. The socket is
   * dual-stack, so it answers probes to IPv4 and IPv6 VIPs alike.
   */
  private void respond(String id) {
    final DatagramChannel channel = nodes.get(id).runIn(
        () -> DatagramChannel.open().bind(new InetSocketAddress(ClusterLab.PROBE_PORT)));
    closeables.add(channel);
    final Thread t = new Thread(() -> {
      final ByteBuffer in = ByteBuffer.allocate(64);
      final byte[] me = id.getBytes(StandardCharsets.US_ASCII);
      while (channel.isOpen()) {
        try {
          in.clear();
          final var from = channel.receive(in);
          if (from != null) {
            channel.send(ByteBuffer.wrap(me), from);
          }
        } catch (IOException e) {
          return;
        }
      }
    }, "responder-" + id);
    t.setDaemon(true);
    t.start();
  }

  /** Stops the probes, watchers and responders and deletes the namespaces; reports, never throws. */
  @Override
  public void close() {
    for (ClientProbe probe : probes.values()) {
      try {
        probe.close();
      } catch (Exception e) {
        System.err.println("cluster lab: closing a probe failed: " + e);
      }
    }
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        System.err.println("cluster lab: closing failed: " + e);
      }
    }
  }
}
