package io.raftvip.cluster;

import io.raftvip.raft.ClusterState;
import io.raftvip.raft.MemberHealth;
import io.raftvip.raft.MemberView;
import io.raftvip.raft.OwnerNote;
import io.raftvip.raft.RaftNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * On the owner, carries out {@link OwnerChooser}'s decisions: it looks every {@code period} and on
 * every change of the replicated state, and when a move is due it records why (an
 * {@link OwnerNote} through Raft, so every member can show and stream it) and hands ownership
 * over, release first. Also seeds the members' priorities into the replicated state from this
 * node's configuration once it leads, for members that have none yet.
 */
public final class HealthGate implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(HealthGate.class);
  /**
   * An operator's transfer to this node counts as the reason this node owns the VIP when the note
   * was written at most this long before this node became the owner: a transfer completes within
   * seconds, and the window absorbs clock differences between the members (the note carries the
   * old owner's clock). An ownership this node gained later (a failover) is not the operator's.
   */
  private static final Duration TRANSFER_WINDOW = Duration.ofSeconds(30);

  private final String nodeId;
  private final RaftNode raft;
  private final BooleanSupplier owns;
  private final HealthReporter reporter;
  private final OwnershipHandOver handOver;
  private volatile GateSettings settings;
  private ScheduledFuture<?> schedule; // guarded by this
  private final long reachableMs;
  private final Clock clock;
  private final AtomicBoolean moving = new AtomicBoolean();
  private final AtomicBoolean seeding = new AtomicBoolean();
  private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
    final Thread t = new Thread(r, "raftvip-health-gate");
    t.setDaemon(true);
    return t;
  });
  private String lastKept = "";
  /** When this node, as seen by this gate, began to own the VIP; null while it does not. */
  private Instant ownerSince;

  /**
   * @param owns whether this node owns the VIP now
   * @param settings how the gate decides and how often it looks
   * @param reachableMs how fresh a member's last answer must be to count as reachable
   */
  public HealthGate(String nodeId, RaftNode raft, BooleanSupplier owns, HealthReporter reporter,
                    OwnershipHandOver handOver, GateSettings settings, long reachableMs, Clock clock) {
    this.nodeId = nodeId;
    this.raft = raft;
    this.owns = owns;
    this.reporter = reporter;
    this.handOver = handOver;
    this.settings = settings;
    this.reachableMs = reachableMs;
    this.clock = clock;
  }

  /** Looks every {@link GateSettings#period()} from now on. */
  public synchronized HealthGate start() {
    final long period = settings.period().toMillis();
    schedule = executor.scheduleWithFixedDelay(this::lookGuarded, period, period, TimeUnit.MILLISECONDS);
    return this;
  }

  /**
   * Decides with {@code next} from the next look on (a reload changed the health section); whether
   * health gates ownership at all stays as it was started.
   */
  public synchronized void retune(GateSettings next) {
    final GateSettings before = settings;
    settings = new GateSettings(before.healthGating(), next.preempt(), next.holdDown(), next.readinessTimeout(),
        next.period());
    if (schedule != null && !next.period().equals(before.period())) {
      schedule.cancel(false);
      start();
    }
    poke();
  }

  /** Looks again at once (the replicated state or leadership changed). */
  public void poke() {
    try {
      executor.execute(this::lookGuarded);
    } catch (RejectedExecutionException closed) {
      // a late Raft event after close: nothing left to decide
    }
  }

  private void lookGuarded() {
    try {
      reporter.sync();
      look();
    } catch (RuntimeException e) {
      LOG.error("{}: health gate: unexpected error (a bug); continuing", nodeId, e);
    }
  }

  private void look() {
    if (!raft.snapshot().leader()) {
      lastKept = "";
      ownerSince = null;
      return;
    }
    seedPriorities();
    if (!owns.getAsBoolean()) {
      ownerSince = null;
      return;
    }
    if (ownerSince == null) {
      ownerSince = clock.instant();
    }
    if (moving.get()) {
      return;
    }
    final OwnerChooser.Situation situation = situation();
    final Duration readinessTimeout = settings.readinessTimeout();
    final OwnerChooser.Decision decision = OwnerChooser.decideConfirmed(situation,
        id -> raft.readinessOf(id, readinessTimeout));
    if (decision.move().isEmpty()) {
      keepReason(situation, decision.refused());
      return;
    }
    moveTo(decision.move().get());
  }

  private OwnerChooser.Situation situation() {
    final ClusterState state = raft.clusterState();
    final List<OwnerChooser.Candidate> members = new ArrayList<>();
    for (MemberView m : raft.members()) {
      final String id = m.peer().id();
      final boolean self = id.equals(nodeId);
      final MemberHealth health = self ? reporter.local() : state.health(id);
      members.add(new OwnerChooser.Candidate(id, self, self || (m.ackAgeMs() >= 0 && m.ackAgeMs() < reachableMs),
          self || raft.caughtUp(id), health, m.peer().priority()));
    }
    final Instant now = clock.instant();
    final GateSettings s = settings;
    final Optional<OwnerNote> note = state.lastNote();
    final boolean holdDownActive = note.isPresent() && !note.get().requested()
        && note.get().at().plus(s.holdDown()).isAfter(now);
    // An operator's choice holds for this node's whole tenure as owner, not just the hold-down.
    final boolean requested = note.isPresent() && note.get().requested() && note.get().to().equals(nodeId)
        && ownerSince != null && !note.get().at().isBefore(ownerSince.minus(TRANSFER_WINDOW));
    return new OwnerChooser.Situation(members, s.healthGating(), s.preempt(), holdDownActive, requested);
  }

  /**
   * Says once why an unhealthy owner keeps the VIP: the hold-down, healthy members that said they
   * may not take it now (and why), or no healthy and reachable member at all.
   */
  private void keepReason(OwnerChooser.Situation s, List<String> refused) {
    final Optional<OwnerChooser.Candidate> self = s.members().stream().filter(OwnerChooser.Candidate::self).findFirst();
    final String why = self.isEmpty() || !s.healthGating() || self.get().health().status() != MemberHealth.Status.UNHEALTHY
        ? "" : s.holdDownActive() ? "within the hold-down of the last move"
        : !refused.isEmpty() ? "no member may take it now (" + String.join("; ", refused) + ")"
        : "no member is healthy and reachable";
    if (!why.equals(lastKept) && !why.isEmpty()) {
      // INFO, not WARN: before a cluster is bootstrapped every member is unhealthy, as expected.
      final MemberHealth h = self.get().health();
      LOG.info("{}: owner unhealthy ({}: {}), keeping the VIP: {}", nodeId, h.check(), h.reason(), why);
    }
    lastKept = why;
  }

  private void moveTo(OwnerChooser.Move move) {
    moving.set(true);
    final OwnerNote note = new OwnerNote(nodeId, move.to(), move.reason(), clock.instant(), false);
    LOG.info("{}: {} -> {}", nodeId, move.reason(), move.to());
    // The note first (bounded: it is for the record; the hand-over matters), then release and hand over.
    raft.submit(ClusterState.noteCommand(note)).orTimeout(1, TimeUnit.SECONDS)
        .handle((v, e) -> null)
        .thenCompose(x -> handOver.transfer(move.to(), false))
        .whenComplete((v, e) -> {
          moving.set(false);
          if (e != null) {
            LOG.warn("{}: moving ownership to {} failed: {}", nodeId, move.to(), e.toString());
          }
        });
  }

  private void seedPriorities() {
    final ClusterState state = raft.clusterState();
    for (MemberView m : raft.members()) {
      final String id = m.peer().id();
      if (state.priority(id).isEmpty() && seeding.compareAndSet(false, true)) {
        raft.submit(ClusterState.priorityCommand(id, m.peer().priority()))
            .whenComplete((v, e) -> seeding.set(false));
        return; // one at a time; the next look seeds the next member
      }
    }
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
