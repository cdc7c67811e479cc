package io.raftvip.vip;

import io.raftvip.announce.Announcer;
import io.raftvip.net.AddressEvent;
import io.raftvip.net.AddressManager;
import io.raftvip.net.BoundAddress;
import io.raftvip.net.NetworkException;
import io.raftvip.net.Vip;
import io.raftvip.raft.LeadershipSnapshot;
import io.raftvip.raft.LeadershipSource;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the ownership rule: this node holds its VIPs only while it is Raft leader, its
 * leadership is ready and its lease is valid, and lets go the moment any of them fails. It also
 * makes the kernel match that decision: re-binds a VIP removed behind an owner's back, removes a
 * VIP found on a non-owner, refreshes the kernel lifetime backstop and schedules announcements.
 *
 * <p>Not thread-safe: {@link OwnershipLoop} calls every method on its single thread.
 */
public final class OwnershipController {

  private static final Logger LOG = LoggerFactory.getLogger(OwnershipController.class);
  private static final long RETRY_NANOS = Duration.ofSeconds(1).toNanos();
  /** The reason given when the lease ran out; listeners count lease losses by it. */
  public static final String LEASE_LOST = "leader lease lost (no majority acknowledged a recent heartbeat)";
  /** An owner looks at least this often, so that a stall of its own shows as a late evaluation. */
  static final long OWNER_MAX_DELAY_MS = 20;
  static final long PENDING_DELAY_MS = 5;
  static final long IDLE_DELAY_MS = 100;
  /** How often an owner riding out a stall looks for the confirming acknowledgements. */
  static final long GRACE_DELAY_MS = 2;
  /** A loop this late is worth mentioning in a lapse's cause even below the stall threshold. */
  private static final long STALL_NOTE_MS = 10;

  private final String nodeId;
  private List<Vip> vips; // replaced only by replaceVips
  private final LeadershipSource leadership;
  private final AddressManager addresses;
  private final Announcer announcer;
  private AnnouncementPlan announcements; // replaced only by replaceVips
  private final Duration vipLifetime;
  private final long lifetimeRefreshNanos;
  private final LongSupplier nanoClock;
  private final OwnershipListener listener;
  private final StallGrace grace;
  private final LeaseLapseLog lapses;
  private final BindFailureLog bindFailures;

  private OwnershipState state = OwnershipState.FOLLOWER;
  private long term;
  private String holdBackReason;
  private long nextLifetimeRefresh;
  private long leaseRemainingMs;
  private long nextNetworkRetry;
  /** When the loop was last asked to evaluate again; a much later evaluation means a stall. */
  private long expectedEvaluation;
  private boolean expecting;
  /** While riding out a stall: until when the owner waits for a majority to confirm its term. */
  private long graceUntil;
  private boolean inGrace;
  private long graceStallMs;
  /** A lapse counted rather than logged: its release and re-bind are logged at DEBUG. */
  private boolean quietTransitions;

  /** Wiring: everything the controller touches is passed in, so tests can use fakes. */
  public OwnershipController(String nodeId, List<Vip> vips, LeadershipSource leadership,
                             AddressManager addresses, Announcer announcer, AnnouncementSettings announce,
                             Duration vipLifetime, StallGrace grace, LongSupplier nanoClock,
                             OwnershipListener listener) {
    this.nodeId = nodeId;
    this.vips = List.copyOf(vips);
    this.leadership = leadership;
    this.addresses = addresses;
    this.announcer = announcer;
    this.announcements = new AnnouncementPlan(announce.repeat(), announce.interval(), announce.refresh());
    this.vipLifetime = vipLifetime;
    this.lifetimeRefreshNanos = vipLifetime.isZero() ? Long.MAX_VALUE : vipLifetime.toNanos() / 3;
    this.nanoClock = nanoClock;
    this.listener = listener;
    this.grace = grace;
    this.lapses = new LeaseLapseLog(nodeId);
    this.bindFailures = new BindFailureLog(nodeId);
  }

  /** @return the current state */
  public OwnershipState state() {
    return state;
  }

  /** @return the Raft term seen at the last evaluation */
  public long term() {
    return term;
  }

  /**
   * Keeps this node from owning (hand-over to another node, shutdown) and releases at once;
   * {@code null} lifts the hold.
   */
  public void holdBack(String reason) {
    holdBackReason = reason;
    evaluate();
  }

  /**
   * Replaces the VIP list and the announcement schedule (a configuration reload). VIPs no longer
   * listed are removed from the kernel on any node; an owner binds the added ones and announces
   * every VIP afresh. All or none: if an added VIP cannot be bound, the owner releases every VIP
   * and binds them together again on its next evaluation (retried every second, as any bind).
   */
  public void replaceVips(List<Vip> next, AnnouncementSettings announce) {
    final List<Vip> removed = vips.stream().filter(v -> !next.contains(v)).toList();
    final List<Vip> added = next.stream().filter(v -> !vips.contains(v)).toList();
    vips = List.copyOf(next);
    announcements = new AnnouncementPlan(announce.repeat(), announce.interval(), announce.refresh());
    removed.forEach(this::removeQuietly);
    LOG.info("{}: VIPs now {} (added {}, removed {}; {})", nodeId, vips, added, removed, state);
    if (state != OwnershipState.OWNER) {
      return;
    }
    final long now = nanoClock.getAsLong();
    try {
      for (Vip vip : added) {
        addresses.add(vip, vipLifetime);
      }
    } catch (NetworkException e) {
      LOG.error("{}: cannot bind added VIP: {}; releasing all VIPs to bind them together", nodeId, e.getMessage());
      release(leadership.snapshot(), "an added VIP could not be bound", now);
      nextNetworkRetry = now + RETRY_NANOS;
      return;
    }
    announcements.restart(now);
    announceIfDue(now);
  }

  /** Decides and acts; called every few milliseconds and on every Raft event. */
  public void evaluate() {
    final LeadershipSnapshot snap = leadership.snapshot();
    term = snap.term();
    leaseRemainingMs = snap.leaseRemainingMs();
    final long now = nanoClock.getAsLong();
    final long lateNanos = expecting ? now - expectedEvaluation : 0;
    lapses.flush(now);
    final String veto = veto(snap);
    switch (state) {
      case OWNER -> {
        if (veto == null) {
          endGrace(now, true);
          keepOwned(now);
        } else if (veto.equals(LEASE_LOST) && ridesOutStall(snap, now, lateNanos)) {
          keepOwned(now);
        } else if (veto.equals(LEASE_LOST)) {
          final String cause = lapseCause(lateNanos);
          endGrace(now, false);
          quietTransitions = !lapses.lapsed(now, term, cause);
          release(snap, LEASE_LOST, now);
        } else {
          endGrace(now, false);
          release(snap, veto, now);
        }
      }
      case RELEASING -> {
        if (now - nextNetworkRetry >= 0) {
          release(snap, "retrying release", now);
        }
      }
      default -> {
        if (veto == null) {
          if (now - nextNetworkRetry >= 0) {
            bind(now);
          }
        } else {
          moveTo(snap.leader() ? OwnershipState.LEADER_PENDING : OwnershipState.FOLLOWER, veto);
        }
      }
    }
  }

  /**
   * When to evaluate again if no event comes first. An owner checks again the moment its lease
   * would run out unless renewed (Ratis reports it in whole milliseconds, hence one less); a
   * leader waiting for readiness or a lease polls briefly; anyone else relies on events and a
   * slow safety tick.
   *
   * @return the delay in nanoseconds
   */
  public long nextEvaluationDelayNanos() {
    final long delay;
    if (state == OwnershipState.OWNER && inGrace) {
      delay = Math.max(TimeUnit.MILLISECONDS.toNanos(1),
          Math.min(TimeUnit.MILLISECONDS.toNanos(GRACE_DELAY_MS), graceUntil - nanoClock.getAsLong()));
    } else {
      delay = switch (state) {
        case OWNER -> TimeUnit.MILLISECONDS.toNanos(Math.max(1, Math.min(OWNER_MAX_DELAY_MS, leaseRemainingMs - 1)));
        case LEADER_PENDING -> TimeUnit.MILLISECONDS.toNanos(PENDING_DELAY_MS);
        default -> TimeUnit.MILLISECONDS.toNanos(IDLE_DELAY_MS);
      };
    }
    expectedEvaluation = nanoClock.getAsLong() + delay;
    expecting = true;
    return delay;
  }

  /**
   * Whether an owner whose lease lapsed keeps the VIP a little longer because the lapse happened
   * while this process itself was stalled (see {@link StallGrace}). Starts the confirmation
   * window on the first evaluation after the stall; afterwards answers whether it is still open.
   */
  private boolean ridesOutStall(LeadershipSnapshot snap, long now, long lateNanos) {
    if (inGrace) {
      return now - graceUntil < 0;
    }
    final long stallMs = grace.stallMs(lateNanos, leadership.sendGapMs());
    if (!grace.enabled() || stallMs == 0) {
      return false;
    }
    final long ackAgeMs = grace.lease().toMillis() - snap.leaseRemainingMs();
    if (ackAgeMs >= grace.horizon().toMillis()) {
      return false; // the followers may have elected someone else by now, node answering or not
    }
    inGrace = true;
    graceUntil = now + grace.confirm().toNanos();
    graceStallMs = stallMs;
    LOG.info("{}: this process was stalled for ~{} ms and its lease lapsed meanwhile; keeping the VIP"
        + " while a majority confirms term {} (at most {} ms)", nodeId, graceStallMs, term, grace.confirm().toMillis());
    return true;
  }

  private void endGrace(long now, boolean confirmed) {
    if (!inGrace) {
      return;
    }
    inGrace = false;
    if (confirmed) {
      LOG.info("{}: term {} confirmed by a majority {} ms after resuming; kept the VIP through a ~{} ms stall",
          nodeId, term, grace.confirm().toMillis() - TimeUnit.NANOSECONDS.toMillis(graceUntil - now), graceStallMs);
    }
  }

  /** @return why the lease lapsed: the acknowledgements per follower, and whether this process stalled */
  private String lapseCause(long lateNanos) {
    final StringBuilder b = new StringBuilder("no majority acknowledged a heartbeat sent in the last ")
        .append(grace.lease().isZero() ? "lease" : grace.lease().toMillis() + " ms").append(" (")
        .append(leadership.leaseDetail()).append(')');
    if (inGrace) {
      b.append("; after a ~").append(graceStallMs).append(" ms stall of this process no majority confirmed term ")
          .append(term).append(" within ").append(grace.confirm().toMillis()).append(" ms");
    } else if (lateNanos >= TimeUnit.MILLISECONDS.toNanos(STALL_NOTE_MS)) {
      b.append("; this process itself ran ~").append(TimeUnit.NANOSECONDS.toMillis(lateNanos)).append(" ms late");
    }
    return b.toString();
  }

  /** @return why this node may not own now, or null when it may */
  private String veto(LeadershipSnapshot snap) {
    if (holdBackReason != null) {
      return holdBackReason;
    }
    if (!snap.leader()) {
      return "not leader";
    }
    if (!snap.ready()) {
      return "leadership not ready (no entry of term " + snap.term() + " committed yet)";
    }
    if (snap.leaseRemainingMs() <= 0) {
      return LEASE_LOST;
    }
    return null;
  }

  private void bind(long now) {
    int bound = 0;
    try {
      for (Vip vip : vips) {
        addresses.add(vip, vipLifetime);
        bound++;
      }
    } catch (NetworkException e) {
      final BindFailure failure = BindFailure.of(vips.get(bound), e);
      bindFailures.failed(now, term, failure);
      listener.bindFailed(failure);
      nextNetworkRetry = now + RETRY_NANOS;
      // Never leave part of the VIPs bound. Only those bound above can be: the failed one is not,
      // and asking to remove it again would fail each second too (EPERM) and fill the log.
      removeAll(vips.subList(0, bound));
      return;
    }
    bindFailures.bound(now);
    nextLifetimeRefresh = now + lifetimeRefreshNanos;
    announcements.restart(now);
    moveTo(OwnershipState.OWNER, "leader, ready, lease valid");
    announceIfDue(now);
  }

  private void keepOwned(long now) {
    if (now - nextLifetimeRefresh >= 0) {
      // Each VIP on its own: one that fails (its interface gone) must not let the others' kernel
      // lifetimes run out too.
      for (Vip vip : vips) {
        try {
          addresses.add(vip, vipLifetime);
        } catch (NetworkException e) {
          LOG.warn("{}: cannot refresh VIP lifetime: {}", nodeId, e.getMessage());
        }
      }
      nextLifetimeRefresh = now + lifetimeRefreshNanos;
    }
    announceIfDue(now);
  }

  private void announceIfDue(long now) {
    if (!announcements.due(now)) {
      return;
    }
    for (Vip vip : vips) {
      try {
        announcer.announce(vip);
        listener.announced(vip.addressText());
      } catch (NetworkException e) {
        LOG.warn("{}: cannot announce {}: {}", nodeId, vip, e.getMessage());
      }
    }
    announcements.sent(now);
  }

  private void release(LeadershipSnapshot snap, String reason, long now) {
    if (removeAll()) {
      moveTo(snap.leader() ? OwnershipState.LEADER_PENDING : OwnershipState.FOLLOWER, reason);
    } else {
      nextNetworkRetry = now + RETRY_NANOS;
      moveTo(OwnershipState.RELEASING, reason + "; removal failed, retrying");
    }
  }

  /** @return true when every VIP is gone */
  private boolean removeAll() {
    return removeAll(vips);
  }

  /** @return true when every one of {@code some} is gone */
  private boolean removeAll(List<Vip> some) {
    boolean all = true;
    for (Vip vip : some) {
      try {
        addresses.remove(vip);
      } catch (NetworkException e) {
        LOG.error("{}: cannot remove VIP: {}", nodeId, e.getMessage());
        all = false;
      }
    }
    return all;
  }

  /**
   * Compares the kernel with the decision: an owner re-binds a missing VIP, anyone else removes
   * a present one. Called periodically and after lost address events. Decides afresh first:
   * the state may be stale (see {@link #onAddressEvent}).
   */
  public void reconcileKernel() {
    evaluate();
    for (Vip vip : vips) {
      final boolean present;
      try {
        present = addresses.list(vip.interfaceName()).stream().anyMatch(a -> a.matches(vip));
      } catch (NetworkException e) {
        LOG.warn("{}: cannot list addresses of {}: {}", nodeId, vip.interfaceName(), e.getMessage());
        continue;
      }
      if (state == OwnershipState.OWNER && !present) {
        rebind(vip, "missing from the kernel");
      } else if (state != OwnershipState.OWNER && present) {
        LOG.warn("{}: VIP {} found bound on a non-owner; removing it", nodeId, vip);
        removeQuietly(vip);
      }
    }
  }

  /**
   * Reacts to an address change made by someone else (an admin, NetworkManager, the kernel).
   * Decides afresh before acting on it: a process resumed after a freeze (SIGSTOP, a long pause)
   * meets the kernel's "lifetime expired" event before any timer fires, with its state still
   * OWNER from before the freeze while another node owns the VIP by now. Re-binding on that
   * stale state made two owners (caught by ClusterFailoverIT's frozen-owner test).
   */
  public void onAddressEvent(AddressEvent event) {
    if (event.byUs()) {
      return;
    }
    evaluate();
    final BoundAddress changed = event.address();
    for (Vip vip : vips) {
      if (!changed.matches(vip)) {
        continue;
      }
      if (event.kind() == AddressEvent.Kind.REMOVED && state == OwnershipState.OWNER) {
        rebind(vip, "removed behind our back");
      } else if (event.kind() == AddressEvent.Kind.ADDED && state != OwnershipState.OWNER) {
        LOG.warn("{}: VIP {} added by someone else on a non-owner; removing it", nodeId, vip);
        removeQuietly(vip);
      }
    }
  }

  private void rebind(Vip vip, String why) {
    LOG.warn("{}: VIP {} {}; binding it again (term {})", nodeId, vip, why, term);
    try {
      addresses.add(vip, vipLifetime);
      announcements.restart(nanoClock.getAsLong());
      announceIfDue(nanoClock.getAsLong());
    } catch (NetworkException e) {
      LOG.error("{}: cannot bind VIP again: {}", nodeId, e.getMessage());
    }
  }

  private void removeQuietly(Vip vip) {
    try {
      addresses.remove(vip);
    } catch (NetworkException e) {
      LOG.error("{}: cannot remove VIP: {}", nodeId, e.getMessage());
    }
  }

  private void moveTo(OwnershipState next, String reason) {
    if (next == state) {
      return;
    }
    final OwnershipState previous = state;
    state = next;
    if (quietTransitions && LOG.isDebugEnabled()) {
      LOG.debug("{}: {} -> {} (term {}): {}", nodeId, previous, next, term, reason);
    } else if (quietTransitions) {
      // counted by the lease-lapse summary
    } else if (next == OwnershipState.OWNER) {
      LOG.info("{}: {} -> OWNER: bound {} (term {})", nodeId, previous, vips, term);
    } else if (previous == OwnershipState.OWNER || next == OwnershipState.RELEASING) {
      LOG.info("{}: {} -> {}: released {} (term {}): {}", nodeId, previous, next, vips, term, reason);
    } else {
      LOG.info("{}: {} -> {} (term {}): {}", nodeId, previous, next, term, reason);
    }
    if (next == OwnershipState.OWNER || next == OwnershipState.FOLLOWER) {
      quietTransitions = false; // the lapse's release and re-bind are over
    }
    listener.transitioned(previous, next, term, reason);
  }
}
