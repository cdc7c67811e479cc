package io.raftvip.daemon;

import io.raftvip.admin.AdminServer;
import io.raftvip.admin.AdminTls;
import io.raftvip.admin.AllowList;
import io.raftvip.announce.PacketAnnouncer;
import io.raftvip.cluster.ClusterAdmin;
import io.raftvip.cluster.ClusterObserver;
import io.raftvip.cluster.DriftCheck;
import io.raftvip.cluster.EventStream;
import io.raftvip.cluster.ForwardedChangeHandler;
import io.raftvip.cluster.ForwardingAdmin;
import io.raftvip.cluster.GateSettings;
import io.raftvip.cluster.HealthGate;
import io.raftvip.cluster.HealthReporter;
import io.raftvip.cluster.Observation;
import io.raftvip.cluster.OwnershipHandOver;
import io.raftvip.cluster.OwnershipStatus;
import io.raftvip.cluster.PeersFile;
import io.raftvip.cluster.StatusAssembler;
import io.raftvip.config.HealthConfig;
import io.raftvip.config.RaftvipConfig;
import io.raftvip.config.TimingConfig;
import io.raftvip.logging.ShutdownNoiseFilter;
import io.raftvip.metrics.MetricsServer;
import io.raftvip.metrics.RaftvipMetrics;
import io.raftvip.net.AddressManager;
import io.raftvip.net.Vip;
import io.raftvip.net.netlink.NativeLibC;
import io.raftvip.net.netlink.NetlinkAddressManager;
import io.raftvip.raft.LeadershipRehearsal;
import io.raftvip.raft.PeerSpec;
import io.raftvip.raft.RaftNode;
import io.raftvip.raft.RaftTiming;
import io.raftvip.raft.RaftTls;
import io.raftvip.reload.ConfigReloader;
import io.raftvip.systemd.SdNotifier;
import io.raftvip.systemd.SdNotifiers;
import io.raftvip.systemd.Watchdog;
import io.raftvip.tls.NodeTls;
import io.raftvip.vip.AnnouncementSettings;
import io.raftvip.vip.OwnershipController;
import io.raftvip.vip.OwnershipLoop;
import io.raftvip.vip.StallGrace;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running raftvip node: wires the network layer, the Raft server, the ownership loop, the
 * observer, the admin API, metrics and systemd notification, and stops them in the safe order.
 */
public final class Daemon {

  private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);
  private static final Duration HAND_OVER_TIMEOUT = Duration.ofSeconds(3);
  /** Two throwaway members suffice to run an election and a transfer. */
  private static final int REHEARSAL_MEMBERS = 2;
  /** Slow heartbeats: the rehearsal is about running the code once, not about speed. */
  private static final RaftTiming REHEARSAL_TIMING = RaftTiming.classic(Duration.ofMillis(150),
      Duration.ofMillis(300), Duration.ofMillis(50), Duration.ofMillis(100));
  private static final Duration REHEARSAL_STEP = Duration.ofSeconds(10);

  private final Parts parts;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private boolean stopping;

  private Daemon(Parts parts) {
    this.parts = parts;
  }

  /**
   * The node's components, filled in while starting. A part still null was never started;
   * {@link #closeAll} closes what exists, after a failed start as on a normal stop.
   */
  private static final class Parts {
    String nodeId;
    SdNotifier notifier;
    StaleVipCleaner cleaner;
    AddressManager addresses;
    PacketAnnouncer announcer;
    RaftNode raft;
    OwnershipLoop loop;
    AddressManager.Subscription subscription;
    ClusterObserver observer;
    OwnershipHandOver handOver;
    AdminServer admin;
    Optional<MetricsServer> metricsServer = Optional.empty();
    Optional<Watchdog> watchdog = Optional.empty();
    BackgroundRehearsal rehearsal;
    HealthReporter reporter;
    HealthGate gate;
    LiveHealthChecks checks;
    RaftHealthGuard raftHealth;
    ConfigReloader reloader;
    volatile boolean stopping;
    Path configFile;
    volatile List<Vip> vips; // replaced by a reload
    long reachableMs;
  }

  /**
   * Starts a node. Stale VIPs of ours are removed before Raft starts, so a VIP left by a
   * crashed process never outlives the restart.
   *
   * @param configFile the file {@code config} was read from: its peers are compared with the Raft
   *                   membership while the node runs (config drift)
   * @param tls the node's TLS, read from {@code config}'s admin.tls files; null without TLS
   * @param reload wires the running node's configuration reload (SIGHUP)
   */
  public static Daemon start(RaftvipConfig config, Path configFile, String version, NodeTls tls,
      LiveReload reload) throws IOException {
    final Parts b = new Parts();
    b.configFile = configFile;
    b.nodeId = config.node();
    b.vips = config.vips().stream().map(v -> v.toVip()).toList();
    b.notifier = SdNotifiers.fromEnvironment(System.getenv());
    b.notifier.status("starting");
    final NativeLibC libc = NativeLibC.load(); // once, up front: loading costs ~250 ms
    b.addresses = new NetlinkAddressManager(libc);
    b.announcer = new PacketAnnouncer(libc);
    b.cleaner = new StaleVipCleaner(b.nodeId, b.addresses);
    b.cleaner.removeStale(b.vips);
    try {
      return startRest(config, version, tls, reload, b);
    } catch (IOException | RuntimeException e) {
      closeAll(b); // a half-started node must not keep Raft running or the VIP bound
      throw e;
    }
  }

  /** Everything after the stale-VIP clean-up; {@link #closeAll} undoes it if it throws. */
  private static Daemon startRest(RaftvipConfig config, String version, NodeTls tls, LiveReload reload, Parts b)
      throws IOException {
    final TimingConfig t = config.timing();
    final RaftvipMetrics metrics = new RaftvipMetrics(version);
    if (config.metrics().enabled()) {
      b.metricsServer = Optional.of(MetricsServer.start(config.metrics().listen().host(),
          config.metrics().listen().port(), metrics));
    }
    final OwnershipStatus ownership = new OwnershipStatus();
    final RaftEvents events = new RaftEvents(b.nodeId);
    final List<PeerSpec> peers = config.peers().stream()
        .map(p -> new PeerSpec(p.id(), p.address(), p.priority())).toList();
    final RaftTiming raftTiming = t.raftTiming();
    final RaftTls raftTls = tls == null ? null : RaftTls.of(tls);
    b.raft = RaftNode.start(b.nodeId, config.self().host(), config.self().port(), peers,
        config.groupId(), config.storage(), raftTiming, raftTls, events);

    final OwnershipController controller = new OwnershipController(b.nodeId, b.vips, b.raft,
        b.addresses, b.announcer, new AnnouncementSettings(config.announce().repeat(),
            config.announce().interval(), config.announce().refresh()),
        t.vipLifetime(), StallGrace.forTiming(t.lease(), t.deadLeaderTimeout(), t.probeTimeout(),
            t.electionTimeoutMin(), t.heartbeat()), System::nanoTime, ownership);
    b.loop = new OwnershipLoop(controller, t.reconcile());
    events.onAnyEvent(b.loop::poke);
    b.raft.warmUpAdminClient();
    b.subscription = b.addresses.subscribe(b.loop);

    final Duration reachable = t.electionTimeoutMax();
    b.reachableMs = reachable.toMillis();
    final HealthConfig health = config.health();
    final StatusAssembler assembler = new StatusAssembler(config.cluster(), b.nodeId, b.vips, reachable.toMillis(),
        health != null);
    final EventStream eventStream = new EventStream(b.nodeId, assembler);
    b.observer = new ClusterObserver(b.nodeId, b.raft, ownership,
        new DriftCheck(new PeersFile(b.configFile, peers, ConfigPeers::read)), reachable);
    final MetricsBridge metricsBridge = new MetricsBridge(b.nodeId, metrics, b.vips, reachable);
    ownership.addListener(metricsBridge);
    ownership.addListener((from, to, term, reason) -> b.observer.poke());
    events.onAnyEvent(b.observer::poke);
    b.observer.addListener(metricsBridge);
    b.observer.addListener(eventStream);
    b.observer.addListener((prev, cur) -> {
      if (!cur.owner().equals(prev.owner()) || cur.term() != prev.term() || cur.quorum() != prev.quorum()
          || !bindText(cur).equals(bindText(prev))) {
        b.notifier.status(statusLine(cur));
      }
    });
    b.observer.start();

    b.handOver = new OwnershipHandOver(b.nodeId, b.raft, b.loop, HAND_OVER_TIMEOUT);
    b.reporter = new HealthReporter(b.nodeId, b.raft);
    b.gate = new HealthGate(b.nodeId, b.raft, ownership::owned, b.reporter, b.handOver, GateSettings.of(health),
        reachable.toMillis(), Clock.systemUTC()).start();
    events.onAnyEvent(b.gate::poke);
    if (health != null) {
      final HealthGate gate = b.gate;
      final HealthReporter reporter = b.reporter;
      b.checks = LiveHealthChecks.start(health, b.nodeId, b.raft, gate, state -> {
        metrics.healthChanged();
        reporter.localChanged(LocalHealth.of(state));
        gate.poke();
      }, (check, result) -> metrics.checkRan(check, result.healthy(), result.took()));
    }
    final ClusterAdmin backend = new ClusterAdmin(b.nodeId, b.raft, b.observer, assembler,
        eventStream, b.handOver, reachable);
    // Any node takes any change: the leader carries out what the others forward to it.
    b.raft.serveForwardedChanges(new ForwardedChangeHandler(b.nodeId, backend));
    final var adminConfig = config.admin();
    final AllowList allow = new AllowList(adminConfig.allow());
    final AdminTls adminTls = tls == null ? null : new AdminTls(tls.keyManager(), tls.trustManager(),
        "client CA " + adminConfig.tls().ca(), allow);
    b.admin = AdminServer.start(new ForwardingAdmin(b.nodeId, backend, b.raft, b.raft.changeForwarder(), reachable),
        adminConfig.socket(),
        adminConfig.listen() == null ? null : adminConfig.listen().host(),
        adminConfig.listen() == null ? 0 : adminConfig.listen().port(), adminTls);
    b.reloader = reload.start(config, tls, new LiveReload.Targets(b.loop, allow, assembler, eventStream,
        b.observer, metricsBridge, metrics, vips -> b.vips = vips, h -> b.checks.replace(h)));

    final long healthyWithinNanos = TimeUnit.SECONDS.toNanos(5);
    b.raftHealth = new RaftHealthGuard(b.nodeId, b.raft::running, b.raft::lifeCycleState,
        () -> b.stopping, () -> System.exit(ExitStatus.FAILURE.code())).start();
    events.onDivisionClosed(b.raftHealth::check);
    b.watchdog = Watchdog.start(System.getenv(), ProcessHandle.current().pid(), b.notifier,
        () -> System.nanoTime() - b.loop.lastEvaluationNanos() < healthyWithinNanos && b.raft.running());
    b.notifier.ready();
    LOG.info("{}: raftvip {} started: cluster {}, VIPs {}", b.nodeId, version, config.cluster(), b.vips);
    final LeadershipRehearsal rehearsal = new LeadershipRehearsal(config.self().host(),
        Path.of(System.getProperty("java.io.tmpdir")), REHEARSAL_MEMBERS, REHEARSAL_TIMING, raftTls,
        REHEARSAL_STEP);
    final RaftNode raft = b.raft;
    b.rehearsal = BackgroundRehearsal.start(b.nodeId, b.raft, () -> {
      raft.connectPeers();
      return rehearsal.run();
    });
    return new Daemon(b);
  }

  /** Closes every started part, Raft before the VIP clean-up, the netlink socket last. */
  private static void closeAll(Parts b) {
    b.watchdog.ifPresent(Watchdog::close);
    closeQuietly(b, "configuration reloader", b.reloader);
    closeQuietly(b, "failover rehearsal", b.rehearsal);
    closeQuietly(b, "Raft health guard", b.raftHealth);
    closeQuietly(b, "admin API", b.admin);
    closeQuietly(b, "health gate", b.gate);
    closeQuietly(b, "health checks", b.checks);
    closeQuietly(b, "observer", b.observer);
    closeQuietly(b, "address subscription", b.subscription == null ? null : b.subscription::close);
    closeQuietly(b, "ownership loop", b.loop);
    closeQuietly(b, "Raft server", b.raft);
    b.cleaner.removeConfigured(b.vips); // belt and braces: the controller released already
    b.metricsServer.ifPresent(m -> closeQuietly(b, "metrics", m));
    closeQuietly(b, "announcer", b.announcer);
    closeQuietly(b, "netlink", b.addresses);
  }

  private static void closeQuietly(Parts b, String what, AutoCloseable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (Exception e) {
      LOG.warn("{}: closing {} failed: {}", b.nodeId, what, e.toString());
    }
  }

  private static String statusLine(Observation o) {
    return (o.owner().isEmpty() ? "no owner" : "owner " + o.owner()) + ", term " + o.term()
        + (o.quorum() ? "" : ", QUORUM LOST") + (o.bindTrouble() == null ? "" : ": " + bindText(o));
  }

  /** @return why the leader cannot bind the VIP (cause and fix), or "" */
  private static String bindText(Observation o) {
    return o.bindTrouble() == null ? "" : o.bindTrouble().failure().message();
  }

  /** Blocks until {@link #stop()} completed. */
  public void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  /**
   * Stops gracefully: the admin API stops taking calls, then release the VIP and hand leadership to the best
   * follower (release first: a transfer skips pre-vote), then Raft. Idempotent.
   */
  public void stop() {
    synchronized (this) {
      if (stopping) {
        return;
      }
      stopping = true;
    }
    parts.stopping = true;
    LOG.info("{}: stopping", parts.nodeId);
    ShutdownNoiseFilter.daemonStopping();
    parts.notifier.stopping();
    parts.admin.stopAccepting(); // no new admin calls; waiting for running ones would delay the release
    handOverIfLeader();
    closeAll(parts);
    LOG.info("{}: stopped", parts.nodeId);
    stopped.countDown();
  }

  private void handOverIfLeader() {
    try {
      if (parts.raft.snapshot().leader()) {
        final var followers = parts.raft.members().stream()
            .filter(m -> !m.peer().id().equals(parts.nodeId)).toList();
        final var target = OwnershipHandOver.bestTarget(followers, parts.reachableMs,
            parts.raft.clusterState()::health);
        if (target.isPresent()) {
          parts.handOver.transfer(target.get(), true)
              .get(HAND_OVER_TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
          return;
        }
      }
      parts.loop.holdBack("shutting down").get(2, TimeUnit.SECONDS);
    } catch (Exception e) {
      LOG.warn("{}: graceful hand-over did not complete: {}", parts.nodeId, e.toString());
      try {
        parts.loop.holdBack("shutting down").get(2, TimeUnit.SECONDS);
      } catch (Exception again) {
        LOG.error("{}: could not release through the ownership loop: {}", parts.nodeId, again.toString());
      }
    }
  }
}
