package io.raftvip.raft;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import io.raftvip.health.Readiness;
import org.apache.ratis.RaftConfigKeys;
import org.apache.ratis.client.RaftClient;
import org.apache.ratis.conf.Parameters;
import org.apache.ratis.conf.RaftProperties;
import io.raftvip.liveness.LeaderWatch;
import io.raftvip.liveness.PortProbe;
import io.raftvip.liveness.TcpPortProbe;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ratis.grpc.GrpcConfigKeys;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.grpc.server.GrpcServices;
import org.apache.ratis.protocol.RaftClientReply;
import org.apache.ratis.protocol.RaftGroup;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftConfiguration;
import org.apache.ratis.server.RaftServer;
import org.apache.ratis.server.RaftServerConfigKeys;
import org.apache.ratis.server.DivisionInfo;
import org.apache.ratis.server.storage.RaftStorage;
import org.apache.ratis.retry.RetryPolicies;
import org.apache.ratis.thirdparty.io.grpc.ServerServiceDefinition;
import org.apache.ratis.util.LifeCycle;
import org.apache.ratis.util.SizeInBytes;
import org.apache.ratis.util.TimeDuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member of the raftvip Raft group: an embedded Ratis server (gRPC transport, durable
 * storage, RECOVER start-up) plus the reads and admin operations the daemon needs.
 */
public final class RaftNode implements LeadershipSource, AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RaftNode.class);
  /** How long a starting node waits for the other members to describe themselves. */
  private static final Duration SURVEY_TIMEOUT = Duration.ofSeconds(1);
  private static final int ADMIN_ATTEMPTS = 3;
  /**
   * How long a forwarded change may take at the leader: longer than the leader allows a membership
   * change itself (20 s), so that its explanation arrives rather than a bare timeout, and shorter
   * than the admin API's own deadline (30 s).
   */
  private static final Duration FORWARD_DEADLINE = Duration.ofSeconds(25);
  /** A refused impostor is reported at most this often (with a count of the refusals in between). */
  private static final long REFUSAL_LOG_PERIOD_MS = 30_000;

  private final RaftPeerId selfId;
  private final RaftGroup group;
  private final RaftServer server;
  private final RaftServer.Division division;
  private final FollowerAckTracker tracker;
  private final LeaderLease lease;
  private final long leaseMs;
  private final RaftProperties properties;
  private final Parameters parameters;
  private final ExecutorService adminExecutor;
  private final DeadLeaderDetector detector;
  private final ClusterState state;
  /** Priorities from this node's configuration: shown until the replicated state has one. */
  private final Map<String, Integer> configuredPriorities;
  private final PeerCalls peerCalls;
  private RaftClient adminClient;
  private List<RaftPeer> adminClientPeers = List.of();

  private RaftNode(RaftPeerId selfId, RaftGroup group, RaftServer server, FollowerAckTracker tracker,
                   long leaseMs, RaftProperties properties, Parameters parameters,
                   DeadLeaderDetector detector, ClusterState state, Map<String, Integer> configuredPriorities,
                   PeerCalls peerCalls) {
    this.selfId = selfId;
    this.group = group;
    this.server = server;
    this.division = divisionOf(server, group);
    this.tracker = tracker;
    this.detector = detector;
    this.state = state;
    this.configuredPriorities = configuredPriorities;
    this.peerCalls = peerCalls;
    this.leaseMs = leaseMs;
    this.lease = new LeaderLease(leaseMs);
    this.properties = properties;
    this.parameters = parameters;
    this.adminExecutor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "raftvip-raft-admin");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Starts the Ratis server. With existing storage the membership and term are recovered from
   * it and {@code initialPeers} only matters on first boot (like etcd's initial-cluster).
   *
   * @param bindHost the host to listen on for Raft traffic
   * @param tls null for plaintext; otherwise every Raft connection (server and client side) uses
   *            mutual TLS with these managers, so no peer without a certificate from the CA can
   *            vote, replicate or take leadership, and every call must come with a certificate that
   *            names the member it acts for (its Raft address host as a SAN, {@link PeerIdentityGate})
   */
  public static RaftNode start(String selfId, String bindHost, int port, List<PeerSpec> initialPeers,
                               UUID groupId, Path storageDir, RaftTiming timing, RaftTls tls,
                               RaftEventListener listener) throws IOException {
    final FollowerAckTracker tracker = new FollowerAckTracker();
    final RaftProperties props = new RaftProperties();
    RaftServerConfigKeys.setStorageDir(props, List.of(storageDir.toFile()));
    GrpcConfigKeys.Server.setHost(props, bindHost);
    GrpcConfigKeys.Server.setPort(props, port);
    // Ratis' election timeout is the wait for a leader that is silent but alive (stalled): long.
    // A leader that is verifiably gone is replaced sooner by the DeadLeaderDetector.
    RaftServerConfigKeys.Rpc.setTimeoutMin(props, ms(timing.electionTimeoutMin()));
    RaftServerConfigKeys.Rpc.setTimeoutMax(props, ms(timing.electionTimeoutMax()));
    // Our own lease decides ownership; Ratis' lease only serves linearizable reads we don't use.
    RaftServerConfigKeys.Read.setLeaderLeaseEnabled(props, false);
    // Pre-vote stops a node cut off from the leader from disrupting a healthy majority.
    RaftServerConfigKeys.LeaderElection.setPreVote(props, true);
    RaftConfigKeys.Rpc.setType(props, new LeaseTrackingRpcType());
    // raftvip's log holds only leader no-ops and configuration entries, a few hundred bytes
    // each: Ratis' 8 MB direct write buffer and 4 MB appender batches would be wasted memory.
    RaftServerConfigKeys.Log.Appender.setBufferByteLimit(props, SizeInBytes.valueOf("256KB"));
    RaftServerConfigKeys.Log.setWriteBufferSize(props, SizeInBytes.valueOf("512KB"));
    RaftServerConfigKeys.Log.setPreallocatedSize(props, SizeInBytes.valueOf("256KB"));
    RaftServerConfigKeys.Log.setSegmentSizeMax(props, SizeInBytes.valueOf("4MB"));
    final Parameters params = new Parameters();
    params.put(LeaseTrackingFactory.TRACKER_KEY, tracker, FollowerAckTracker.class);
    params.put(LeaseTrackingFactory.HEARTBEAT_MS_KEY, timing.heartbeat().toMillis(), Long.class);
    final GrpcTlsConfig grpcTls = tls == null ? null
        : new GrpcTlsConfig(tls.keyManager(), tls.trustManager(), true);
    if (grpcTls != null) {
      GrpcConfigKeys.TLS.setConf(params, grpcTls);
    }
    final LeaderWatch watch = new LeaderWatch(timing.deadLeaderDetection() ? timing.deadLeaderTimeout()
        : timing.electionTimeoutMin());
    final PortProbe probe = new TcpPortProbe();
    final PreVoteGate gate = new PreVoteGate(watch, probe, timing);
    final AtomicReference<RaftServer.Division> running = new AtomicReference<>();
    final PeerInfoService peerInfo = new PeerInfoService(selfId, timing, () -> {
      final RaftServer.Division d = running.get();
      return d == null ? List.of()
          : d.getRaftConf().getCurrentPeers().stream().map(p -> p.getId().toString()).toList();
    });
    final PeerCalls peerCalls = new PeerCalls(new PeerChangeService(selfId),
        new PeerChangeClient(selfId, grpcTls, FORWARD_DEADLINE), new PeerReadinessService(selfId),
        new PeerReadinessClient(selfId, grpcTls));
    final ServerServiceDefinition.Builder peerService = ServerServiceDefinition.builder(PeerInfoService.SERVICE);
    peerInfo.addTo(peerService);
    peerCalls.changes().addTo(peerService);
    peerCalls.readiness().addTo(peerService);
    final ServerServiceDefinition peer = peerService.build();
    final MemberAddresses members = new MemberAddresses(initialPeers, () -> {
      final RaftServer.Division d = running.get();
      return d == null ? null : d.getRaftConf();
    });
    // Interceptors added later run first: a caller's identity is checked before anything answers it.
    final PeerIdentityGate identity = tls == null ? null : new PeerIdentityGate(new PeerIdentityRule(members),
        new RefusalLog(selfId, REFUSAL_LOG_PERIOD_MS, System::nanoTime));
    GrpcConfigKeys.Server.setServicesCustomizer(params, (builder, types) -> {
      if (!types.contains(GrpcServices.Type.SERVER)) {
        return builder;
      }
      builder.intercept(gate).addService(peer);
      return identity == null ? builder : builder.intercept(identity);
    });

    final RaftPeerId self = RaftPeerId.valueOf(selfId);
    final ClusterState state = new ClusterState();
    final RaftGroup group = initialGroup(selfId, initialPeers, groupId, storageDir, timing,
        new PeerInfoClient(selfId, timing, grpcTls));
    final RaftEventListener trackingListener = new RaftEventListener() {
      @Override public void leaderChanged(String leaderId, long term) {
        if (!selfId.equals(leaderId)) {
          tracker.clear();
        }
        listener.leaderChanged(leaderId, term);
      }
      @Override public void leaderReady() {
        listener.leaderReady();
      }
      @Override public void leadershipLost() {
        tracker.clear();
        listener.leadershipLost();
      }
      @Override public void membershipChanged() {
        listener.membershipChanged();
      }
      @Override public void divisionClosed() {
        listener.divisionClosed();
      }
      @Override public void stateChanged() {
        listener.stateChanged();
      }
    };
    final RaftServer server = RaftServer.newBuilder()
        .setServerId(self)
        .setGroup(group)
        .setStateMachine(new VipStateMachine(trackingListener, state))
        .setProperties(props)
        .setParameters(params)
        .setOption(RaftStorage.StartupOption.RECOVER)
        .build();
    server.start();
    running.set(divisionOf(server, group));
    final Map<String, Integer> configured = new HashMap<>();
    initialPeers.forEach(p -> configured.put(p.id(), p.priority()));
    final DivisionReader reader = new DivisionReader(running.get(),
        id -> state.priority(id).orElse(configured.getOrDefault(id, 0)), state::health);
    gate.attach(reader);
    final DeadLeaderDetector detector = timing.deadLeaderDetection()
        ? new DeadLeaderDetector(reader, watch, probe, timing) : null;
    if (detector != null) {
      detector.start();
    }
    LOG.info("{}: Raft server started on {}:{} (group {}, storage {}, {}; election timeout {}..{} ms,"
            + " dead-leader timeout {})", selfId, bindHost, port, groupId, storageDir,
        tls == null ? "plaintext" : "mutual TLS", timing.electionTimeoutMin().toMillis(),
        timing.electionTimeoutMax().toMillis(),
        timing.deadLeaderDetection() ? timing.deadLeaderTimeout().toMillis() + " ms" : "off");
    return new RaftNode(self, group, server, tracker, timing.lease().toMillis(), props, params, detector, state,
        Map.copyOf(configured), peerCalls);
  }

  /**
   * The group to start with. First the other members are asked about themselves
   * ({@link StartupSurvey}): a timing that differs from theirs is refused. A node starting for
   * the first time (no storage for the group yet) that the answering members do not list is a
   * new member waiting to be added: it starts with an empty group, as Ratis has new members do,
   * so it never campaigns with a configuration nobody else has. Everyone else starts with the
   * configured peers, which only matter on first boot: after that Ratis recovers the membership
   * from storage.
   */
  private static RaftGroup initialGroup(String selfId, List<PeerSpec> initialPeers, UUID groupId,
                                        Path storageDir, RaftTiming timing, PeerInfoClient peerInfo) {
    final List<PeerSpec> others = initialPeers.stream().filter(p -> !p.id().equals(selfId)).toList();
    final StartupSurvey survey = StartupSurvey.ask(peerInfo, others, SURVEY_TIMEOUT);
    survey.timingMismatch(selfId, timing.shared()).ifPresent(m -> {
      throw new TimingMismatchException(m);
    });
    final RaftGroupId id = RaftGroupId.valueOf(groupId);
    final boolean firstBoot = !Files.isDirectory(storageDir.resolve(groupId.toString()));
    final Optional<String> outsider = firstBoot ? survey.notYetAMember(selfId) : Optional.empty();
    if (outsider.isPresent()) {
      final String address = initialPeers.stream().filter(p -> p.id().equals(selfId)).findFirst()
          .map(PeerSpec::address).orElse("HOST:PORT");
      LOG.info("{}: not a member yet ({}); starting without a configuration and waiting to be added:"
          + " raftvipctl member add {} {}", selfId, outsider.get(), selfId, address);
      return RaftGroup.valueOf(id);
    }
    return RaftGroup.valueOf(id, initialPeers.stream().map(PeerSpec::toRaftPeer).toList());
  }

  private static RaftServer.Division divisionOf(RaftServer server, RaftGroup group) {
    try {
      return server.getDivision(group.getGroupId());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("Raft group " + group.getGroupId() + " did not start", e);
    }
  }

  private static TimeDuration ms(Duration d) {
    return TimeDuration.valueOf(d.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * @return whether this node's Raft group still runs; false once Ratis closed it, on its own or
   *     because the daemon stops
   */
  public boolean running() {
    final LifeCycle.State state = division.getInfo().getLifeCycleState();
    return state == LifeCycle.State.RUNNING || state == LifeCycle.State.STARTING;
  }

  /** @return the state of this node's Raft group, for messages */
  public String lifeCycleState() {
    return division.getInfo().getLifeCycleState().toString();
  }

  /**
   * @return on the leader, whether {@code member} has every entry of the log (a transfer to it
   *     can complete at once); false elsewhere or when unknown
   */
  public boolean caughtUp(String member) {
    if (!division.getInfo().isLeader()) {
      return false;
    }
    final var last = division.getRaftLog().getLastEntryTermIndex();
    return tracker.matchIndex(RaftPeerId.valueOf(member)) >= (last == null ? 0 : last.getIndex());
  }

  /** @return raftvip's replicated state: members' health and priorities, the last ownership note */
  public ClusterState clusterState() {
    return state;
  }

  /**
   * @return {@code member}'s priority: the replicated one, else this node's configured one, else 0
   */
  public int priority(String member) {
    return state.priority(member).orElse(configuredPriorities.getOrDefault(member, 0));
  }

  /**
   * Appends a raftvip state entry through the leader (any member may call this; Ratis routes it).
   *
   * @return completes when the entry is committed; fails after a few tries without a leader
   */
  public CompletableFuture<Void> submit(io.raftvip.proto.state.v1.Command command) {
    return CompletableFuture.supplyAsync(() -> {
      try {
        final RaftClientReply reply = adminClient().io().send(
            org.apache.ratis.protocol.Message.valueOf(
                org.apache.ratis.thirdparty.com.google.protobuf.ByteString.copyFrom(command.toByteArray())));
        if (!reply.isSuccess()) {
          throw new IllegalStateException("not committed: " + reply.getException());
        }
        return null;
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, adminExecutor);
  }

  /** @return this node's id */
  public String selfId() {
    return selfId.toString();
  }

  @Override
  public LeadershipSnapshot snapshot() {
    final DivisionInfo info = division.getInfo();
    final boolean leader = info.isLeader();
    final boolean ready = leader && info.isLeaderReady();
    final long leaseRemaining = leader ? leaseRemainingMs() : 0;
    final RaftPeerId leaderId = info.getLeaderId();
    return new LeadershipSnapshot(leader, ready, leaseRemaining, info.getCurrentTerm(),
        leaderId == null ? "" : leaderId.toString());
  }

  private long leaseRemainingMs() {
    final RaftConfiguration conf = division.getRaftConf();
    return lease.remainingMs(selfId, conf.getCurrentPeers(), conf.getPreviousPeers(),
        tracker::ackedSendAgeMs);
  }

  /**
   * @return on a follower, ms since the leader last contacted this node; -1 when unknown
   */
  public long leaderContactAgeMs() {
    final var role = division.getInfo().getRoleInfoProto();
    if (role.hasFollowerInfo() && role.getFollowerInfo().hasLeaderInfo()) {
      return role.getFollowerInfo().getLeaderInfo().getLastRpcElapsedTimeMs();
    }
    return -1;
  }

  /** @return the voting members of the current configuration, with this node's view of them */
  public List<MemberView> members() {
    final DivisionInfo info = division.getInfo();
    final RaftPeerId leaderId = info.getLeaderId();
    final boolean iLead = info.isLeader();
    final List<MemberView> out = new ArrayList<>();
    for (RaftPeer peer : division.getRaftConf().getCurrentPeers()) {
      final boolean isSelf = peer.getId().equals(selfId);
      final long age = !iLead ? -1 : isSelf ? 0 : tracker.ackedSendAgeMs(peer.getId()).orElse(-1L);
      final String id = peer.getId().toString();
      out.add(new MemberView(new PeerSpec(id, peer.getAddress(), priority(id)), peer.getId().equals(leaderId), age));
    }
    return out;
  }

  /**
   * Serves the changes other members forward to this one as their leader (raftvip.peer.v1.Peer on
   * the Raft port); until this is called they are refused as UNAVAILABLE.
   */
  public void serveForwardedChanges(ForwardedChanges changes) {
    peerCalls.changes().serve(changes);
  }

  /** @return the client that forwards changes to the leader over the Raft port, with the Raft TLS */
  public ChangeForwarder changeForwarder() {
    return peerCalls.changeClient();
  }

  /**
   * Answers other members' readiness questions (may the VIP move here now?) with what
   * {@code readiness} says; until this is called, and without health checks, the answer is no.
   */
  public void serveReadiness(Supplier<CompletableFuture<Readiness>> readiness) {
    peerCalls.readiness().attach(readiness);
  }

  /**
   * Asks member {@code id} whether the VIP may move to it now (a blocking call of at most
   * {@code timeout}); an unknown member, or one that does not answer, may not.
   */
  public Readiness readinessOf(String id, Duration timeout) {
    final RaftPeer peer = division.getRaftConf().getPeer(RaftPeerId.valueOf(id));
    if (peer == null) {
      return Readiness.no("not a member");
    }
    return peerCalls.readinessClient().ask(peer.getAddress(), timeout);
  }

  /** @return true when a membership change (joint consensus) is in progress */
  public boolean membershipChangeInProgress() {
    return !division.getRaftConf().getPreviousPeers().isEmpty();
  }

  /**
   * Hands leadership to {@code target} (or, when null, to the best-placed follower as Ratis
   * picks it). The caller releases the VIP first: a transfer skips pre-vote.
   */
  public CompletableFuture<Void> transferLeadership(String target, Duration timeout) {
    return CompletableFuture.runAsync(() -> {
      try {
        final RaftClientReply reply = adminClient().admin().transferLeadership(
            target == null ? null : RaftPeerId.valueOf(target), timeout.toMillis());
        if (!reply.isSuccess()) {
          throw new IllegalStateException("transfer to " + target + " failed: " + reply.getException());
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, adminExecutor);
  }

  /** Replaces the voting membership (Ratis setConfiguration, joint consensus underneath). */
  public CompletableFuture<Void> setMembers(Collection<PeerSpec> members) {
    return CompletableFuture.runAsync(() -> {
      try {
        final RaftClientReply reply = adminClient().admin().setConfiguration(
            members.stream().map(PeerSpec::toRaftPeer).toList());
        if (!reply.isSuccess()) {
          throw new IllegalStateException("membership change failed: " + reply.getException());
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }, adminExecutor);
  }

  /**
   * The client for admin calls, kept open and connected: building one and opening its gRPC
   * channel costs tens of milliseconds, which a hand-over would otherwise spend with the VIP
   * already released. Rebuilt when the membership changed. Used on the admin thread only.
   */
  private RaftClient adminClient() throws IOException {
    final List<RaftPeer> peers = List.copyOf(division.getRaftConf().getCurrentPeers());
    if (adminClient == null || !peers.equals(adminClientPeers)) {
      if (adminClient != null) {
        adminClient.close();
      }
      // Ratis' default is to retry forever: a membership change whose new member never catches
      // up would then block every later one. A few quick retries ride out a leader change; after
      // that the caller gets the error.
      adminClient = RaftClient.newBuilder().setProperties(properties).setParameters(parameters)
          .setRetryPolicy(RetryPolicies.retryUpToMaximumCountWithFixedSleep(ADMIN_ATTEMPTS,
              TimeDuration.valueOf(200, TimeUnit.MILLISECONDS)))
          .setRaftGroup(RaftGroup.valueOf(group.getGroupId(), peers)).setLeaderId(selfId).build();
      adminClientPeers = peers;
    }
    return adminClient;
  }

  /**
   * Opens Ratis' own connections to every other member ahead of need. A follower never sends
   * anything until it campaigns, so its first election would otherwise build its channels (and
   * with TLS do its handshakes) on the failover's critical path. The request is a pre-vote no
   * member can grant (term 0, an empty log), which changes nothing anywhere.
   */
  public void connectPeers() {
    for (RaftPeer peer : division.getRaftConf().getCurrentPeers()) {
      if (peer.getId().equals(selfId)) {
        continue;
      }
      final var request = org.apache.ratis.proto.RaftProtos.RequestVoteRequestProto.newBuilder()
          .setServerRequest(org.apache.ratis.proto.RaftProtos.RaftRpcRequestProto.newBuilder()
              .setRequestorId(selfId.toByteString()).setReplyId(peer.getId().toByteString())
              .setRaftGroupId(org.apache.ratis.proto.RaftProtos.RaftGroupIdProto.newBuilder()
                  .setId(group.getGroupId().toByteString())))
          .setCandidateTerm(0).setPreVote(true)
          .setCandidateLastEntry(org.apache.ratis.proto.RaftProtos.TermIndexProto.getDefaultInstance())
          .build();
      try {
        server.getServerRpc().requestVote(request);
      } catch (IOException | RuntimeException e) {
        LOG.debug("{}: could not reach {} ahead of need: {}", selfId, peer.getId(), e.toString());
      }
    }
  }

  /** Opens the admin client's connections ahead of need (see {@link #adminClient()}). */
  public void warmUpAdminClient() {
    adminExecutor.execute(() -> {
      try {
        adminClient().getGroupManagementApi(selfId).info(group.getGroupId());
      } catch (IOException | RuntimeException e) {
        LOG.debug("{}: admin client warm-up failed: {}", selfId, e.toString());
      }
    });
  }

  @Override
  public long sendGapMs() {
    if (!division.getInfo().isLeader()) {
      return 0;
    }
    final RaftConfiguration conf = division.getRaftConf();
    final long remaining = lease.remainingMs(selfId, conf.getCurrentPeers(), conf.getPreviousPeers(),
        tracker::sendAgeMs);
    return Math.max(0, leaseMs - remaining); // the lease arithmetic over send ages: the majority's gap
  }

  @Override
  public String leaseDetail() {
    return tracker.describe();
  }

  @Override
  public void close() throws IOException {
    if (detector != null) {
      detector.close();
    }
    adminExecutor.shutdownNow();
    if (adminClient != null) {
      adminClient.close();
    }
    server.close();
    LOG.info("{}: Raft server stopped", selfId);
  }
}
