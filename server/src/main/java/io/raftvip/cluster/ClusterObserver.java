package io.raftvip.cluster;

import io.raftvip.raft.LeadershipSnapshot;
import io.raftvip.raft.MemberHealth;
import io.raftvip.raft.MemberView;
import io.raftvip.raft.RaftNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives, every {@link #PERIOD} and on every poke, who owns the VIP, whether there is a
 * quorum and when the last failover happened, and tells its listeners what changed.
 *
 * <p>Quorum counts as lost once no majority was seen for longer than the maximum election timeout.
 * A follower counts the leader as owner while the leader's contact is fresher than the
 * maximum election timeout; the owner itself knows. The unowned time of a failover is measured
 * from the last moment the previous owner was seen alive. Each observation also carries how the
 * configured peers differ from the members, and, on the leader, why it cannot bind the VIPs.
 */
public final class ClusterObserver implements AutoCloseable {

  static final Duration PERIOD = Duration.ofMillis(200);
  private static final Logger LOG = LoggerFactory.getLogger(ClusterObserver.class);

  private final String nodeId;
  private final RaftNode raft;
  private final OwnershipStatus ownership;
  private final DriftCheck drift;
  private final long staleMs;
  private final List<ObservationListener> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "raftvip-observer");
    t.setDaemon(true);
    return t;
  });
  private volatile Observation current = Observation.INITIAL;
  private String lastOwner = "";
  private long lastQuorumMillis;
  private long lastOwnerSeenMillis;

  public ClusterObserver(String nodeId, RaftNode raft, OwnershipStatus ownership, DriftCheck drift, Duration stale) {
    this.nodeId = nodeId;
    this.raft = raft;
    this.ownership = ownership;
    this.drift = drift;
    this.staleMs = stale.toMillis();
  }

  /** Starts periodic observation. */
  public void start() {
    executor.scheduleWithFixedDelay(this::observeGuarded, 0, PERIOD.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Adds a listener for changes. */
  public void addListener(ObservationListener listener) {
    listeners.add(listener);
  }

  /** Observes again at once (a Raft or ownership event happened). */
  public void poke() {
    try {
      executor.execute(this::observeGuarded);
    } catch (RejectedExecutionException closed) {
      // Ratis reports its last events while stopping, after this observer is closed.
      LOG.debug("cluster observer closed; dropping a late poke");
    }
  }

  /** @return the latest observation */
  public Observation current() {
    return current;
  }

  private void observeGuarded() {
    try {
      observe();
    } catch (RuntimeException e) {
      LOG.error("{}: observing the cluster failed (a bug); continuing", nodeId, e);
    }
  }

  private void observe() {
    final long now = System.currentTimeMillis();
    final LeadershipSnapshot snap = raft.snapshot();
    final long contactAge = snap.leader() ? 0 : raft.leaderContactAgeMs();
    final boolean leaderFresh = !snap.leaderId().isEmpty() && contactAge >= 0 && contactAge < staleMs;
    final String owner;
    if (ownership.owned()) {
      owner = nodeId;
    } else if (!snap.leader() && leaderFresh && !snap.leaderId().equals(nodeId)) {
      // (A node that just stepped down, e.g. in a transfer, may still name itself as the leader
      // until the new one reaches it: it released the VIP, so it is no owner.)
      owner = snap.leaderId();
    } else {
      owner = "";
    }
    final boolean quorumNow = snap.leader() ? snap.leaseRemainingMs() > 0 : leaderFresh;
    if (quorumNow) {
      lastQuorumMillis = now;
    }
    // A lease lapse of a few ms on a starved CPU is no lost quorum: report it lost only once no
    // majority has been seen for longer than an election could take.
    final boolean quorum = quorumNow || now - lastQuorumMillis <= staleMs;

    final Observation previous = current;
    FailoverRecord failover = previous.lastFailover();
    long ownerSince = previous.ownerSinceMillis();
    if (!owner.equals(previous.owner())) {
      if (!owner.isEmpty()) {
        final boolean hadOwner = !lastOwner.isEmpty() && !lastOwner.equals(owner);
        final long unowned = hadOwner ? Math.max(0, now - lastOwnerSeenMillis) : 0;
        if (hadOwner) { // the first owner after start-up is no failover
          failover = new FailoverRecord(now, lastOwner, owner, unowned);
        }
        ownerSince = owner.equals(nodeId) ? ownership.ownedSinceMillis() : now;
      } else {
        ownerSince = 0;
      }
    }
    if (!owner.isEmpty()) {
      lastOwner = owner;
      lastOwnerSeenMillis = owner.equals(nodeId) ? now : now - Math.max(0, contactAge);
    }
    final List<MemberView> members = raft.members();
    final Map<String, MemberHealth> health = new HashMap<>();
    members.forEach(m -> health.put(m.peer().id(), raft.clusterState().health(m.peer().id())));
    final Observation next = new Observation(owner, ownerSince, snap.leaderId(), snap.term(),
        snap.leader(), quorum, members, failover, Map.copyOf(health),
        raft.clusterState().lastNote().orElse(null), drift.check(members),
        snap.leader() ? ownership.bindTrouble(now) : null);
    current = next;
    for (ObservationListener l : listeners) {
      l.observed(previous, next);
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
