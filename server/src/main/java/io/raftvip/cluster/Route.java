package io.raftvip.cluster;

import io.raftvip.raft.MemberView;
import java.util.List;
import java.util.Optional;

/**
 * Where a change an operator sent to this node goes: carried out here (this node leads), forwarded
 * to the leader, or nowhere (no leader this node could forward to, with the reason).
 *
 * @param kind what to do
 * @param leader the leader's id (LOCAL: this node; FORWARD: the target; NO_LEADER: the leader
 *               this node last knew, or "")
 * @param address the leader's Raft address (FORWARD only, else "")
 * @param reason why there is nowhere to send it (NO_LEADER only, else "")
 */
record Route(Kind kind, String leader, String address, String reason) {

  /** What to do with a change. */
  enum Kind {
    /** This node leads: carry it out here. */
    LOCAL,
    /** Another member leads: forward it there. */
    FORWARD,
    /** No leader to send it to. */
    NO_LEADER
  }

  /**
   * Decides from this node's own view of Raft.
   *
   * @param selfLeader this node is the Raft leader
   * @param leaderId the leader this node knows, "" when none
   * @param contactAgeMs ms since the leader last contacted this node (-1 when unknown)
   * @param staleMs a leader silent for this long counts as gone (an election would have begun)
   * @param members the current members, to find the leader's address
   */
  static Route decide(String selfId, boolean selfLeader, String leaderId, long contactAgeMs, long staleMs,
                      List<MemberView> members) {
    if (selfLeader) {
      return local(selfId);
    }
    if (leaderId.isEmpty()) {
      return new Route(Kind.NO_LEADER, "", "", "no leader known to " + selfId);
    }
    if (contactAgeMs >= staleMs) {
      return new Route(Kind.NO_LEADER, leaderId, "", "the last leader, " + leaderId + ", has not been heard from for "
          + contactAgeMs + " ms");
    }
    return toward(selfId, leaderId, members);
  }

  /**
   * The route to a leader another member named (after this node's first attempt was refused).
   *
   * @return LOCAL when it names this node, FORWARD when its address is known, else NO_LEADER
   */
  static Route toward(String selfId, String leaderId, List<MemberView> members) {
    if (leaderId.equals(selfId)) {
      return local(selfId);
    }
    final Optional<String> address = members.stream().filter(m -> m.peer().id().equals(leaderId))
        .map(m -> m.peer().address()).findFirst();
    return address.map(a -> new Route(Kind.FORWARD, leaderId, a, ""))
        .orElseGet(() -> new Route(Kind.NO_LEADER, leaderId, "", "the leader, " + leaderId
            + ", is not among the members " + selfId + " knows"));
  }

  private static Route local(String selfId) {
    return new Route(Kind.LOCAL, selfId, "", "");
  }
}
