package io.raftvip.it;

import io.raftvip.net.AddressEvent;
import io.raftvip.net.AddressListener;
import io.raftvip.net.AddressManager;
import io.raftvip.net.netlink.NativeLibC;
import io.raftvip.net.netlink.NetlinkAddressManager;
import io.raftvip.testing.Netns;
import io.raftvip.testing.NetnsCommand;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A real raftvip cluster for integration tests: N daemons in separate JVMs, each in its own
 * network namespace, joined by a bridge in a "switch" namespace, plus a client namespace that
 * probes the VIP. Address watchers (real netlink, in the test JVM) record who held the VIP when.
 *
 * <pre>
 *   n1 eth0 10.213.7.11 ─┐
 *   n2 eth0 10.213.7.12 ─┤ sw0 (switch ns) ├─ client eth0 10.213.7.50
 *   n3 eth0 10.213.7.13 ─┘      VIP 10.213.7.100
 * </pre>
 *
 * <p>Node {@code nK} has address {@code 10.213.7.(10+K)}. More nodes can join later
 * ({@link #addNode}), each on a bridge port of its own; extra YAML per node (e.g. a metrics
 * listener) comes from the constructor.
 */
final class ClusterLab implements AutoCloseable {

  /** The namespace prefix of the original constructor; other tests pass their own. */
  static final String PREFIX = "rvc-";
  static final String VIP = "10.213.7.100";
  static final int PROBE_PORT = 7999;
  static final int RAFT_PORT = 7420;

  final AddressTimeline timeline = new AddressTimeline();
  final Path dir;
  private final List<String> ids = new ArrayList<>();
  private final Map<String, Netns> nodes = new LinkedHashMap<>();
  private final Map<String, Process> daemons = new LinkedHashMap<>();
  /** Where each daemon's latest run starts in its (appended) log. */
  private final Map<String, Long> logStart = new LinkedHashMap<>();
  private final Map<String, String> ports = new LinkedHashMap<>();
  private final List<AutoCloseable> closeables = new ArrayList<>();
  private final Netns sw;
  private final Netns client;
  private final String timing;
  private final String prefix;
  private final Function<String, String> extraYaml;
  private final Function<String, String> adminExtra;
  private final NativeLibC libc;
  private ClientProbe probe;

  /** @param timing the YAML `timing:` mapping for every node, e.g. "{ vip-lifetime: 3s }" */
  ClusterLab(int size, String timing) throws Exception {
    this(size, timing, PREFIX, id -> "");
  }

  /**
   * @param prefix    namespace name prefix, so parallel labs and leftovers are told apart
   * @param extraYaml more top-level YAML lines for node {@code id}'s config (e.g.
   *                  {@code "metrics: { listen: 10.213.7.11:9742 }"}), or ""
   */
  ClusterLab(int size, String timing, String prefix, Function<String, String> extraYaml) throws Exception {
    this(size, timing, prefix, extraYaml, id -> "");
  }

  /**
   * @param adminExtra more entries for node {@code id}'s {@code admin:} flow mapping, each
   *                   starting with ", " (e.g. {@code ", tls: { cert: ..., key: ..., ca: ... }"}), or ""
   */
  ClusterLab(int size, String timing, String prefix, Function<String, String> extraYaml,
             Function<String, String> adminExtra) throws Exception {
    this.timing = timing;
    this.prefix = prefix;
    this.extraYaml = extraYaml;
    this.adminExtra = adminExtra;
    this.dir = Files.createTempDirectory("raftvip-it-");
    this.sw = Netns.create(prefix + "sw-");
    closeables.add(sw);
    final List<Netns> ports = new ArrayList<>();
    for (int i = 1; i <= size; i++) {
      final String id = "n" + i;
      final Netns ns = Netns.create(prefix + id + "-");
      closeables.add(ns);
      ids.add(id);
      nodes.put(id, ns);
      ports.add(ns);
    }
    this.client = Netns.create(prefix + "cl-");
    closeables.add(client);
    ports.add(client);
    sw.bridge("sw0", "eth0", ports);
    for (int i = 0; i < size; i++) {
      this.ports.put(ids.get(i), "sw0p" + i); // as Netns.bridge names them
      nodes.get(ids.get(i)).exec("ip", "addr", "add", ip(ids.get(i)) + "/24", "dev", "eth0");
    }
    client.exec("ip", "addr", "add", "10.213.7.50/24", "dev", "eth0");
    this.libc = NativeLibC.load();
    for (String id : ids) {
      writeConfig(id, ids);
      watch(libc, id);
      respond(id);
    }
    final DatagramChannel probeChannel = client.runIn(() -> DatagramChannel.open().bind(new InetSocketAddress(0)));
    probe = new ClientProbe(probeChannel, new InetSocketAddress(InetAddress.getByName(VIP), PROBE_PORT), 5);
  }

  List<String> ids() {
    return ids;
  }

  /**
   * Adds node {@code id} ("nK"): its namespace on a new bridge port, address, watcher, responder
   * and a config whose peers are {@code peers} (it must be one of them). Does not start it.
   */
  void addNode(String id, List<String> peers) throws IOException {
    final Netns ns = Netns.create(prefix + id + "-");
    closeables.add(ns);
    final String port = "sw0x" + id;
    sw.exec("ip", "link", "add", port, "type", "veth", "peer", "name", "eth0", "netns", ns.name());
    sw.exec("ip", "link", "set", port, "master", "sw0", "up");
    ns.exec("ip", "link", "set", "eth0", "up");
    ns.exec("ip", "addr", "add", ip(id) + "/24", "dev", "eth0");
    ids.add(id);
    nodes.put(id, ns);
    ports.put(id, port);
    writeConfig(id, peers);
    watch(libc, id);
    respond(id);
  }

  /** @return node {@code id}'s address, 10.213.7.(10+K) for "nK" */
  static String ip(String id) {
    return "10.213.7." + (10 + Integer.parseInt(id.substring(1)));
  }

  /** @return the Raft address HOST:PORT of node {@code id} */
  static String raftAddress(String id) {
    return ip(id) + ":" + RAFT_PORT;
  }

  /** @return the client namespace (where the probe lives), e.g. to scrape nodes from outside */
  Netns clientNs() {
    return client;
  }

  /** @return the admin socket of node {@code id} (a file: reachable from any namespace) */
  Path adminSocket(String id) {
    return dir.resolve(id).resolve("admin.sock");
  }

  ClientProbe probe() {
    return probe;
  }

  Netns ns(String id) {
    return nodes.get(id);
  }

  Path config(String id) {
    return dir.resolve(id).resolve("raftvip.yaml");
  }

  Path log(String id) {
    return dir.resolve(id).resolve("daemon.log");
  }

  private void writeConfig(String id, List<String> peerIds) throws IOException {
    final Path nodeDir = Files.createDirectories(dir.resolve(id));
    final String peers = peerIds.stream()
        .map(p -> "  - { id: " + p + ", address: " + raftAddress(p) + " }")
        .collect(Collectors.joining("\n"));
    Files.writeString(config(id), String.join("\n",
        "cluster: itest",
        "node: " + id,
        "peers:",
        peers,
        "vips:",
        "  - { address: " + VIP + ", interface: eth0 }",
        "storage: " + nodeDir.resolve("data"),
        "admin: { socket: " + adminSocket(id) + adminExtra.apply(id) + " }",
        "timing: " + timing,
        extraYaml.apply(id),
        ""));
  }

  /** Records every add/remove of the VIP on this node, from a netlink socket in its namespace. */
  private void watch(NativeLibC libc, String id) {
    final InetAddress vip = address(VIP);
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
        () -> DatagramChannel.open().bind(new InetSocketAddress(PROBE_PORT)));
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

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (IOException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  /** Starts the daemon of {@code id} in its namespace (a separate JVM). */
  void start(String id) throws IOException {
    final String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .filter(e -> !e.contains("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
    final ProcessBuilder pb = new ProcessBuilder("ip", "netns", "exec", nodes.get(id).name(),
        ProcessHandle.current().info().command().orElse("java"),
        "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k",
        "-cp", classpath, "io.raftvip.daemon.Main", "run", "--config", config(id).toString());
    pb.redirectErrorStream(true);
    logStart.put(id, Files.exists(log(id)) ? Files.size(log(id)) : 0L);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log(id).toFile()));
    daemons.put(id, pb.start()); // `ip netns exec` execs java: the pid is the daemon's
  }

  void startAll() throws IOException {
    for (String id : ids) {
      start(id);
    }
  }

  boolean running(String id) {
    final Process p = daemons.get(id);
    return p != null && p.isAlive();
  }

  void signal(String id, String signal) {
    final Process p = daemons.get(id);
    NetnsCommand.run(Duration.ofSeconds(5), "kill", "-" + signal, Long.toString(p.pid())).orThrow();
  }

  /** SIGTERM, then wait (at most {@code timeout}) until the process is gone. */
  void stop(String id, Duration timeout) throws InterruptedException {
    signal(id, "TERM");
    awaitExit(id, timeout);
  }

  /** Waits (at most {@code timeout}) until the daemon of {@code id} has exited. */
  void awaitExit(String id, Duration timeout) throws InterruptedException {
    if (!daemons.get(id).waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      throw new AssertionError(id + " did not exit within " + timeout.toMillis() + " ms");
    }
  }

  /** SIGKILL, then wait until the process is gone. */
  void kill(String id) throws InterruptedException {
    signal(id, "KILL");
    daemons.get(id).waitFor();
  }

  /** Detaches the node's port from the bridge: it keeps running, cut off from everyone. */
  void cut(String id) {
    sw.exec("ip", "link", "set", ports.get(id), "nomaster");
  }

  void reconnect(String id) {
    sw.exec("ip", "link", "set", ports.get(id), "master", "sw0");
  }

  /** @return the one node holding the VIP, once exactly one does and the client hears it; else fails */
  String awaitOwner(Duration timeout) {
    return awaitOwner(timeout, List.of());
  }

  /** As {@link #awaitOwner(Duration)}, not counting {@code ignored} nodes (dead or frozen ones). */
  String awaitOwner(Duration timeout, List<String> ignored) {
    return awaitNewOwner(timeout, null, ignored);
  }

  /**
   * Waits for exactly one holder other than {@code previous}, not counting {@code ignored}
   * nodes, that answers the client.
   */
  String awaitNewOwner(Duration timeout, String previous, List<String> ignored) {
    final long since = System.nanoTime();
    final String[] owner = new String[1];
    await(timeout, () -> {
      final List<String> holders = new ArrayList<>(timeline.holders());
      holders.removeAll(ignored);
      if (holders.size() != 1 || holders.get(0).equals(previous)) {
        return false;
      }
      owner[0] = holders.get(0);
      return owner[0].equals(probe.lastAnswerSince(since));
    }, "exactly one VIP holder that answers the client (holders now " + timeline.holders() + ")");
    return owner[0];
  }

  /**
   * Waits until one node has owned the VIP for {@code quiet} without any other node binding
   * it: a freshly started cluster (cold JVMs on a busy machine) may still move ownership around.
   * The owner's own brief lease lapses (release and re-bind) are allowed here.
   */
  String awaitStableOwner(Duration timeout, Duration quiet) {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      final String owner = awaitOwner(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      final long from = System.nanoTime();
      final long quietUntil = from + quiet.toNanos();
      await(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())),
          () -> movedAway(owner, from) || System.nanoTime() > quietUntil,
          "ownership to stay on " + owner + " for " + quiet.toMillis() + " ms");
      if (!movedAway(owner, from)) {
        return owner;
      }
    }
  }

  private boolean movedAway(String owner, long sinceNanos) {
    return timeline.since(sinceNanos).stream().anyMatch(c -> c.added() && !c.node().equals(owner));
  }

  /** Polls {@code condition} every 10 ms until it holds or the deadline passes. */
  static void await(Duration timeout, BooleanSupplier condition, String what) {
    final long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what);
      }
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what);
      }
    }
  }

  /** @return the daemon log of {@code id}, for assertions and failure messages */
  String logText(String id) throws IOException {
    return Files.exists(log(id)) ? Files.readString(log(id)) : "";
  }

  /** @return the last 3000 characters of every node's daemon log, for failure messages */
  String logTails() throws IOException {
    final StringBuilder b = new StringBuilder();
    for (String id : ids) {
      final String text = logText(id);
      b.append("\n--- ").append(id).append(" (last 3000 chars)\n")
          .append(text.substring(Math.max(0, text.length() - 3000)));
    }
    return b.toString();
  }

  @Override
  public void close() throws Exception {
    for (Map.Entry<String, Process> d : daemons.entrySet()) {
      if (d.getValue().isAlive()) {
        NetnsCommand.run(Duration.ofSeconds(5), "kill", "-CONT", Long.toString(d.getValue().pid()));
        d.getValue().destroyForcibly().waitFor();
      }
    }
    if (probe != null) {
      probe.close();
    }
    for (int i = closeables.size() - 1; i >= 0; i--) {
      try {
        closeables.get(i).close();
      } catch (Exception e) {
        System.err.println("cluster lab: closing failed: " + e);
      }
    }
    if (Boolean.getBoolean("raftvip.it.keep")) {
      System.err.println("cluster lab: keeping daemon logs and storage in " + dir);
    } else {
      deleteTree(dir); // failures already carry the log tails in their messages
    }
  }

  /** Deletes {@code root} and everything below it. */
  static void deleteTree(Path root) throws IOException {
    try (var paths = Files.walk(root)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
