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
 * The network of a {@link ClusterLab}: a namespace per node, a switch namespace whose bridge joins
 * them, a client namespace probing the VIP, and per node an address watcher (feeding the
 * {@link AddressTimeline}) and a UDP responder that answers the probe with the node's id. Cutting
 * a node detaches its bridge port.
 */
final class LabNetwork implements AutoCloseable {

  private final String prefix;
  private final AddressTimeline timeline;
  private final Map<String, Netns> nodes = new LinkedHashMap<>();
  private final Map<String, String> ports = new LinkedHashMap<>();
  private final Set<String> cut = new LinkedHashSet<>();
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final NativeLibC libc = NativeLibC.load();
  private final Netns sw;
  private Netns client;
  private ClientProbe probe;

  /**
   * Builds the switch, the nodes {@code ids} and the client, all connected, and starts probing;
   * deletes what it made if that fails halfway.
   */
  LabNetwork(String prefix, List<String> ids, AddressTimeline timeline) throws IOException {
    this.prefix = prefix;
    this.timeline = timeline;
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
      sw.bridge("sw0", "eth0", bridged);
      for (int i = 0; i < ids.size(); i++) {
        ports.put(ids.get(i), "sw0p" + i); // as Netns.bridge names them
        nodes.get(ids.get(i)).exec("ip", "addr", "add", ClusterLab.ip(ids.get(i)) + "/24", "dev", "eth0");
        watch(ids.get(i));
        respond(ids.get(i));
      }
      client.exec("ip", "addr", "add", "10.213.7.50/24", "dev", "eth0");
      final DatagramChannel probeChannel = client.runIn(() -> DatagramChannel.open().bind(new InetSocketAddress(0)));
      this.probe = new ClientProbe(probeChannel,
          new InetSocketAddress(InetAddress.getByName(ClusterLab.VIP), ClusterLab.PROBE_PORT), 5);
    } catch (IOException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Adds node {@code id}'s namespace on a new bridge port, with its address, watcher and responder. */
  Netns add(String id) {
    final Netns ns = Netns.create(prefix + id + "-");
    closeables.add(ns);
    final String port = "sw0x" + id;
    sw.exec("ip", "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns.name());
    sw.exec("ip", "link", "set", port, "master", "sw0", "up");
    ns.exec("ip", "link", "set", "eth0", "up");
    ns.exec("ip", "addr", "add", ClusterLab.ip(id) + "/24", "dev", "eth0");
    nodes.put(id, ns);
    ports.put(id, port);
    watch(id);
    respond(id);
    return ns;
  }

  Netns ns(String id) {
    return nodes.get(id);
  }

  Netns client() {
    return client;
  }

  ClientProbe probe() {
    return probe;
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

  /** Detaches the node's port from the bridge: it keeps running, cut off from everyone. */
  void cut(String id) {
    sw.exec("ip", "link", "set", ports.get(id), "nomaster");
    cut.add(id);
  }

  void reconnect(String id) {
    sw.exec("ip", "link", "set", ports.get(id), "master", "sw0");
    cut.remove(id);
  }

  /** @return the nodes cut off now */
  List<String> cutNodes() {
    return List.copyOf(cut);
  }

  /** Records every add/remove of the VIP on this node, from a netlink socket in its namespace. */
  private void watch(String id) {
    final InetAddress vip = ClusterLab.address(ClusterLab.VIP);
    final AddressManager.Subscription sub = nodes.get(id).runIn(() -> {
      final NetlinkAddressManager m = new NetlinkAddressManager(libc);
      closeables.add(m);
      return m.subscribe(new AddressListener() {
        @Override public void onEvent(AddressEvent e) {
          if (e.address().address().equals(vip)) {
            timeline.record(id, e.kind() == AddressEvent.Kind.ADDED, e.monotonicNanos());
          }
        }
      });
    });
    closeables.add(sub::close);
  }

  /** Answers every UDP probe with this node's id, from inside its namespace. */
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

  /** Stops the probe, watchers and responders and deletes the namespaces; reports, never throws. */
  @Override
  public void close() {
    try {
      if (probe != null) {
        probe.close();
      }
    } catch (Exception e) {
      System.err.println("cluster lab: closing the probe failed: " + e);
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
