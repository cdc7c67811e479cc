package io.raftvip.it;

import io.raftvip.config.InterfaceChecker;
import io.raftvip.daemon.BackgroundRehearsal;
import io.raftvip.config.SystemInterfaceChecker;
import io.raftvip.testing.FailureRecorder;
import io.raftvip.testing.Netns;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

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
 * listener) comes from the constructor. A {@link LabLayout} gives the nodes other VIPs (IPv6,
 * dual-stack, a second interface on a second bridge); each VIP then has its own timeline and
 * probe, and an owner is a node that holds every VIP and answers on each.
 *
 * <p>Daemons start as users start them ({@link DaemonProcess}). Every wait is bounded by a
 * deadline derived from the nodes' configured timing ({@link #timing()}) and, when it times out,
 * fails with the cluster's state ({@link ClusterDiagnostics}). On close the lab directory is
 * deleted, unless a test of the class failed while the lab lived (as told by the class's
 * {@link FailureRecorder}) or {@code -Draftvip.it.keep=true}: then it stays, and the logs are
 * also copied under {@code server/target/it-logs/} ({@link LabArchive}).
 */
final class ClusterLab implements AutoCloseable {

  /** The namespace prefix of the original constructor; other tests pass their own. */
  static final String PREFIX = "rvc-";
  static final String VIP = "10.213.7.100";
  static final int PROBE_PORT = 7999;
  static final int RAFT_PORT = 7420;

  /** The first VIP's timeline: the only one in a lab of the original layout. */
  final AddressTimeline timeline;
  final Path dir;
  private final LabLayout layout;
  private final Map<String, AddressTimeline> timelines = new LinkedHashMap<>();
  private final List<String> ids = new ArrayList<>();
  private final Map<String, DaemonProcess> daemons = new LinkedHashMap<>();
  private final LabNetwork network;
  private final LabConfigs configs;
  private final FailureRecorder failures;
  private final int failuresBefore;
  private final ClusterDiagnostics diagnostics = new ClusterDiagnostics(this);
  private LabTiming labTiming;

  /**
   * @param failures the test class's recorder: the lab keeps its logs when a test fails while it lives
   * @param timing   the YAML `timing:` mapping for every node, e.g. "{ vip-lifetime: 3s }"
   */
  ClusterLab(FailureRecorder failures, int size, String timing) throws Exception {
    this(failures, size, timing, PREFIX, id -> "");
  }

  /**
   * @param prefix    namespace name prefix, so parallel labs and leftovers are told apart
   * @param extraYaml more top-level YAML lines for node {@code id}'s config (e.g.
   *                  {@code "metrics: { listen: 10.213.7.11:9742 }"}), or ""
   */
  ClusterLab(FailureRecorder failures, int size, String timing, String prefix, Function<String, String> extraYaml)
      throws Exception {
    this(failures, size, timing, prefix, extraYaml, id -> "");
  }

  /**
   * @param adminExtra more entries for node {@code id}'s {@code admin:} flow mapping, each
   *                   starting with ", " (e.g. {@code ", tls: { cert: ..., key: ..., ca: ... }"}), or ""
   */
  ClusterLab(FailureRecorder failures, int size, String timing, String prefix, Function<String, String> extraYaml,
             Function<String, String> adminExtra) throws Exception {
    this(failures, size, timing, prefix, LabLayout.IPV4, extraYaml, adminExtra);
  }

  /** @param layout the VIPs of every node, and so the links the lab builds */
  ClusterLab(FailureRecorder failures, int size, String timing, String prefix, LabLayout layout) throws Exception {
    this(failures, size, timing, prefix, layout, id -> "", id -> "");
  }

  private ClusterLab(FailureRecorder failures, int size, String timing, String prefix, LabLayout layout,
                     Function<String, String> extraYaml, Function<String, String> adminExtra) throws Exception {
    this.failures = failures;
    this.layout = layout;
    for (LabLayout.LabVip vip : layout.vips()) {
      timelines.put(vip.address(), new AddressTimeline());
    }
    this.timeline = timelines.get(layout.primary().address());
    this.failuresBefore = failures.count();
    this.dir = Files.createTempDirectory("raftvip-it-");
    this.configs = new LabConfigs(dir, layout, timing, extraYaml, adminExtra);
    for (int i = 1; i <= size; i++) {
      ids.add("n" + i);
    }
    this.network = new LabNetwork(prefix, ids, layout, timelines);
    try {
      for (String id : ids) {
        configs.write(id, ids, null);
        daemons.put(id, new DaemonProcess(id, network.ns(id).name(), config(id), log(id)));
      }
      loadTiming();
    } catch (IOException | RuntimeException e) {
      network.close();
      throw e;
    }
  }

  List<String> ids() {
    return ids;
  }

  LabLayout layout() {
    return layout;
  }

  /** @return the timeline of {@code vip}, one of the layout's VIP addresses */
  AddressTimeline timeline(String vip) {
    return timelines.get(vip);
  }

  /** @return every VIP's timeline, by address, in the layout's order */
  Map<String, AddressTimeline> timelines() {
    return timelines;
  }

  /** @return the deadlines of this lab's waits, derived from its nodes' configured timing */
  LabTiming timing() {
    return labTiming;
  }

  /** Reads every node's config with the daemon's own loader, checking the VIP interface in its namespace. */
  private void loadTiming() {
    final Map<Path, InterfaceChecker> configs = new LinkedHashMap<>();
    for (String id : ids) {
      // /proc/thread-self: /proc/net shows the test JVM's namespace, not the runIn thread's.
      final List<String> interfaces = network.ns(id).runIn(
          () -> new SystemInterfaceChecker(Path.of("/proc/thread-self/net/dev")).existingInterfaces());
      configs.put(config(id), () -> interfaces);
    }
    labTiming = LabTiming.load(configs);
  }

  /**
   * Adds node {@code id} ("nK"): its namespace on a new bridge port, address, watcher, responder
   * and a config whose peers are {@code peers} (it must be one of them). Does not start it.
   */
  void addNode(String id, List<String> peers) throws IOException {
    final Netns ns = network.add(id);
    ids.add(id);
    configs.write(id, peers, null);
    daemons.put(id, new DaemonProcess(id, ns.name(), config(id), log(id)));
    loadTiming();
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
    return network.client();
  }

  /** @return node {@code id}'s namespace, e.g. to read its interfaces */
  Netns nodeNs(String id) {
    return network.ns(id);
  }

  /**
   * Attaches a bystander host on every link (deleted with the lab): a namespace that sends
   * nothing unless the test makes it, e.g. to watch its neighbour cache.
   *
   * @param host its host part in every subnet, e.g. 60 (10.213.7.60, fd00:213:7::60)
   */
  Netns attachHost(String name, int host) {
    return network.attach(name, host);
  }

  /** @return the admin socket of node {@code id} (a file: reachable from any namespace) */
  Path adminSocket(String id) {
    return configs.adminSocket(id);
  }

  /** @return the probe of the first VIP */
  ClientProbe probe() {
    return network.probe();
  }

  /** @return the probe of {@code vip}, one of the layout's VIP addresses */
  ClientProbe probe(String vip) {
    return network.probe(vip);
  }

  Path config(String id) {
    return configs.config(id);
  }

  Path log(String id) {
    return configs.log(id);
  }

  /** Rewrites every node's config with these peer priorities; call before the nodes start. */
  void prioritize(Map<String, Integer> byId) throws IOException {
    configs.priorities(byId);
    for (String id : ids) {
      configs.write(id, ids, null);
    }
  }

  /**
   * Rewrites node {@code id}'s config with another {@code timing:} mapping (its peers stay the
   * lab's nodes); a test restores it with {@code rewriteTiming(id, null)}.
   */
  void rewriteTiming(String id, String otherTiming) throws IOException {
    configs.write(id, ids.subList(0, Math.min(ids.size(), 3)), otherTiming);
  }

  static InetAddress address(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (IOException e) {
      throw new IllegalArgumentException(literal, e);
    }
  }

  /** @return node {@code id}'s network namespace, e.g. to run something of the test's there */
  Netns ns(String id) {
    return network.ns(id);
  }

  DaemonProcess daemon(String id) {
    return daemons.get(id);
  }

  /** Starts the daemon of {@code id} in its namespace: {@code bin/raftvip run}, a JVM of its own. */
  void start(String id) throws IOException {
    daemons.get(id).start();
  }

  void startAll() throws IOException {
    for (String id : ids) {
      start(id);
    }
  }

  boolean running(String id) {
    return daemons.get(id).running();
  }

  /** Sends {@code signal} ("TERM", "KILL", "STOP", "CONT", "HUP") to the daemon's JVM. */
  void signal(String id, String signal) {
    daemons.get(id).signal(signal);
  }

  /** Sends SIGHUP: the daemon re-reads its configuration file ({@code systemctl reload raftvip}). */
  void reload(String id) {
    signal(id, "HUP");
  }

  /** Rewrites node {@code id}'s configuration file with {@code edit} applied to its text. */
  void editConfig(String id, java.util.function.UnaryOperator<String> edit) throws IOException {
    Files.writeString(config(id), edit.apply(Files.readString(config(id))));
  }

  /** @return the nodes that have {@code vip} on their eth0 now, as the kernel lists it */
  List<String> kernelHolders(String vip) {
    return ids.stream().filter(id -> network.ns(id).exec("ip", "-o", "addr", "show", "dev", "eth0")
        .contains(" " + vip + "/")).toList();
  }

  /**
   * One UDP probe of {@code vip} from the client namespace (the lab's {@link ClientProbe} covers
   * {@link #VIP} only).
   *
   * @return the node that answered, or null when none did within {@code timeout}
   */
  String probeOnce(String vip, Duration timeout) {
    return network.probeOnce(vip, timeout);
  }

  /** SIGTERM, then wait until the process is gone. */
  void stop(String id) throws InterruptedException {
    signal(id, "TERM");
    awaitExit(id);
  }

  /** Waits until the daemon of {@code id} has exited (a graceful stop: {@link LabTiming#exit()}). */
  void awaitExit(String id) throws InterruptedException {
    final long since = System.nanoTime();
    if (!daemons.get(id).awaitExit(labTiming.exit())) {
      throw new AssertionError(id + " did not exit within " + labTiming.exit().toMillis() + " ms"
          + diagnostics.report("the start of the wait", since));
    }
  }

  /** SIGKILL, then wait until the process is gone. */
  void kill(String id) throws InterruptedException {
    signal(id, "KILL");
    awaitExit(id);
  }

  /** Detaches the node's port from the bridge: it keeps running, cut off from everyone. */
  void cut(String id) {
    network.cut(id);
  }

  void reconnect(String id) {
    network.reconnect(id);
  }

  /** As {@link #restore(Collection)} for every node of the lab. */
  String restore() throws Exception {
    return restore(ids);
  }

  /**
   * Undoes whatever an earlier test left: reconnects cut nodes, resumes frozen ones, lets
   * stopping ones finish exiting, starts every node of {@code members} that is not running; then
   * waits for a stable owner.
   *
   * @return that owner
   */
  String restore(Collection<String> members) throws Exception {
    for (String id : network.cutNodes()) {
      reconnect(id);
    }
    for (String id : members) {
      final DaemonProcess d = daemons.get(id);
      if (d.frozen()) {
        d.signal("CONT");
      }
      if (d.stopping()) {
        awaitExit(id);
      }
      if (!d.running()) {
        d.start();
      }
    }
    return awaitStableOwner();
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
   * nodes, that answers the client; with several VIPs, the same single holder of every VIP,
   * answering the client on each.
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
      for (String vip : timelines.keySet()) {
        final List<String> others = new ArrayList<>(timelines.get(vip).holders());
        others.removeAll(ignored);
        if (!others.equals(List.of(owner[0])) || !owner[0].equals(network.probe(vip).lastAnswerSince(since))) {
          return false;
        }
      }
      return true;
    }, "exactly one VIP holder" + (timelines.size() > 1 ? " (the same of every VIP)" : "")
        + (previous == null ? "" : " other than " + previous)
        + (ignored.isEmpty() ? "" : " (not counting " + ignored + ")") + " that answers the client");
    return owner[0];
  }

  /** {@link #awaitStableOwner(Duration, Duration)} with the settle deadline and quiet window of the lab's timing. */
  String awaitStableOwner() {
    return awaitStableOwner(labTiming.settle(), labTiming.quiet());
  }

  /**
   * Waits until one node has owned the VIP for {@code quiet} without any other node binding
   * it: a freshly started cluster (cold JVMs on a busy machine) may still move ownership around.
   * The owner's own brief lease lapses (release and re-bind) are allowed here.
   */
  String awaitStableOwner(Duration timeout, Duration quiet) {
    final long deadline = System.nanoTime() + timeout.toNanos();
    // Scenarios meet daemons as a long-running service has them: past their failover rehearsal,
    // which a node runs a few seconds after it settles (and which takes CPU while it runs).
    await(timeout, () -> ids.stream().filter(this::running)
        .allMatch(id -> daemons.get(id).latestRun().contains(BackgroundRehearsal.MARKER)),
        "every running node to finish its failover rehearsal");
    while (true) {
      final String owner = awaitOwner(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      final long from = System.nanoTime();
      final long quietUntil = from + quiet.toNanos();
      // An observation window: waited out in full unless ownership moves.
      await(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())),
          () -> movedAway(owner, from) || System.nanoTime() > quietUntil,
          "ownership to stay on " + owner + " for " + quiet.toMillis() + " ms");
      if (!movedAway(owner, from)) {
        return owner;
      }
    }
  }

  private boolean movedAway(String owner, long sinceNanos) {
    return timelines.values().stream()
        .anyMatch(t -> t.since(sinceNanos).stream().anyMatch(c -> c.added() && !c.node().equals(owner)));
  }

  /** Waits until the latest run of {@code id} has logged {@code text} (it may follow the event the test saw). */
  void awaitLogLine(String id, String text, Duration timeout) {
    await(timeout, () -> daemons.get(id).latestRun().contains(text),
        id + "'s log (latest run) to contain '" + text + "'");
  }

  /** As {@link #await(Duration, BooleanSupplier, String, Supplier)} with nothing more to say. */
  void await(Duration timeout, BooleanSupplier condition, String what) {
    await(timeout, condition, what, () -> "");
  }

  /**
   * Polls {@code condition} every 10 ms until it holds or the deadline passes; then fails with
   * {@code what}, {@code lastSeen} and the cluster's state. A RuntimeException from the condition
   * (an admin call to a node that is not up yet) counts as "not yet" and is reported if it was
   * the last word.
   */
  void await(Duration timeout, BooleanSupplier condition, String what, Supplier<String> lastSeen) {
    final long since = System.nanoTime();
    final long deadline = since + timeout.toNanos();
    RuntimeException lastError = null;
    while (true) {
      try {
        if (condition.getAsBoolean()) {
          return;
        }
        lastError = null;
      } catch (RuntimeException e) {
        lastError = e;
      }
      if (System.nanoTime() - deadline > 0) {
        final String seen = lastSeen.get();
        throw new AssertionError("timed out after " + timeout.toMillis() + " ms waiting for " + what
            + (seen.isEmpty() ? "" : "; last seen: " + seen)
            + (lastError == null ? "" : "; the condition last threw " + lastError)
            + diagnostics.report("the start of the wait", since), lastError);
      }
      DaemonProcess.sleepQuietly(10); // polling the condition
    }
  }

  /** @return the cluster's state now, for assertion messages: {@code () -> "..." + lab.describe()} */
  String describe() {
    return diagnostics.report("this report", System.nanoTime());
  }

  /** @return the cluster's state, times relative to {@code sinceNanos}: the test's own reference (its t0) */
  String describe(long sinceNanos) {
    return diagnostics.report("the test's reference point", sinceNanos);
  }

  /** @return the daemon log of {@code id}, every run */
  String logText(String id) {
    return daemons.get(id).logText();
  }

  /**
   * Kills the daemons and tears the network down. After a failure (one that happened while this
   * lab lived) prints the cluster's final state, whatever kind of failure it was, keeps the lab
   * directory and copies the logs under {@code server/target/it-logs/}; otherwise deletes it.
   */
  @Override
  public void close() throws Exception {
    final List<String> failed = failures.since(failuresBefore);
    String state = "";
    if (!failed.isEmpty()) {
      try {
        state = "failures while this lab lived:\n  " + String.join("\n  ", failed) + "\n"
            + diagnostics.report("the lab's teardown", System.nanoTime(), Integer.MAX_VALUE);
      } catch (RuntimeException e) {
        state = "could not describe the cluster: " + e;
      }
    }
    for (DaemonProcess d : daemons.values()) {
      d.destroy();
    }
    network.close();
    if (!failed.isEmpty()) {
      final Path copy = LabArchive.save(dir, ids, failures.testClass(), state);
      System.err.println("cluster lab: " + state);
      System.err.println("\n!!!!! cluster lab: test failed; keeping daemon logs and storage in " + dir
          + "; logs and the lab's final state copied to " + copy + " !!!!!\n");
    } else if (Boolean.getBoolean("raftvip.it.keep")) {
      System.err.println("cluster lab: keeping daemon logs and storage in " + dir);
    } else {
      deleteTree(dir);
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
