package io.raftvip.cluster;

import io.raftvip.health.Readiness;
import io.raftvip.raft.MemberHealth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The leader's choice whether to hand ownership to another member on its own, and to whom.
 * Ownership always stays with the Raft leader; a move is a release-first hand-over of leadership,
 * and it is only ever made toward a member that can take it now: reachable, caught up with the
 * log, and (with health gating) healthy now.
 *
 * <ul>
 *   <li><b>Health:</b> an owner whose own checks say UNHEALTHY hands over to a healthy member when
 *       there is one; when no member is healthy it keeps the VIP (the VIP is never left on no
 *       node: before the cluster is bootstrapped, or when every API server is down, the leader
 *       holds it as without health gating).</li>
 *   <li><b>Preemption</b> (optional): a healthy owner hands over to a member of higher priority,
 *       unless an operator chose this owner recently ({@code raftvipctl transfer}).</li>
 *   <li><b>Hold-down:</b> after a move the leader decided on its own, no other such move for the
 *       hold-down time, so one member's flapping check cannot move the VIP back and forth.</li>
 *   <li><b>Confirmation</b> (with health gating): the chosen member is asked first whether it may
 *       take the VIP now ({@link #decideConfirmed}); the replicated verdict lags behind the checks
 *       by up to {@code fall} rounds, so when every API server fails at once the owner would
 *       otherwise move the VIP to a member that is failing too. A member that says no is skipped
 *       and the next best one asked.</li>
 * </ul>
 */
final class OwnerChooser {

  /** What the leader knows about one member (itself included). */
  record Candidate(String id, boolean self, boolean reachable, boolean caughtUp, MemberHealth health, int priority) {
    boolean canTakeOver(boolean healthGating) {
      return !self && reachable && caughtUp && (!healthGating || health.status() == MemberHealth.Status.HEALTHY);
    }
  }

  /**
   * @param healthGating the cluster runs health checks
   * @param preempt a member of higher priority takes ownership when it can
   * @param holdDownActive a move the leader decided on its own happened within the hold-down time
   * @param recentlyRequested an operator chose the current owner within the hold-down time
   */
  record Situation(List<Candidate> members, boolean healthGating, boolean preempt, boolean holdDownActive,
                   boolean recentlyRequested) {
    /** @return the same situation without member {@code id} (it refused to take the VIP) */
    Situation without(String id) {
      return new Situation(members.stream().filter(c -> !c.id().equals(id)).toList(), healthGating, preempt,
          holdDownActive, recentlyRequested);
    }
  }

  /** A decided move. */
  record Move(String to, String reason) {
  }

  /**
   * A confirmed decision.
   *
   * @param move the move to make now, or empty to keep the VIP where it is
   * @param refused the members asked that said no, each as "ID: reason", best first
   */
  record Decision(Optional<Move> move, List<String> refused) {
  }

  private static final Comparator<Candidate> BEST = Comparator.comparingInt(Candidate::priority).reversed()
      .thenComparing(Candidate::id);

  private OwnerChooser() {
  }

  /** @return the move to make now, or empty to keep the VIP where it is */
  static Optional<Move> decide(Situation s) {
    final Optional<Candidate> me = s.members().stream().filter(Candidate::self).findFirst();
    if (me.isEmpty() || s.holdDownActive()) {
      return Optional.empty();
    }
    final Candidate self = me.get();
    if (s.healthGating() && self.health().status() == MemberHealth.Status.UNHEALTHY) {
      return best(s, c -> true).map(c -> new Move(c.id(), "owner unhealthy ("
          + self.health().check() + ": " + self.health().reason() + ")"));
    }
    if (s.preempt() && !s.recentlyRequested()) {
      return best(s, c -> c.priority() > self.priority()).map(c -> new Move(c.id(),
          "preempting: " + c.id() + " has priority " + c.priority() + " > " + self.priority()));
    }
    return Optional.empty();
  }

  /**
   * Like {@link #decide}, but with health gating the target must confirm that it may take the VIP
   * now; one that does not is skipped and the next best asked, until one confirms or none is left.
   * Without health gating nothing is asked (there is no readiness to confirm).
   *
   * @param ask asks a member (by id) whether it may take the VIP now; may block briefly
   */
  static Decision decideConfirmed(Situation s, Function<String, Readiness> ask) {
    final List<String> refused = new ArrayList<>();
    Situation left = s;
    while (true) {
      final Optional<Move> move = decide(left);
      if (move.isEmpty() || !s.healthGating()) {
        return new Decision(move, List.copyOf(refused));
      }
      final Readiness answer = ask.apply(move.get().to());
      if (answer.mayTakeOver()) {
        return new Decision(move, List.copyOf(refused));
      }
      refused.add(move.get().to() + ": " + answer.reason());
      left = left.without(move.get().to());
    }
  }

  private static Optional<Candidate> best(Situation s, Predicate<Candidate> extra) {
    return s.members().stream().filter(c -> c.canTakeOver(s.healthGating())).filter(extra).min(BEST);
  }
}
