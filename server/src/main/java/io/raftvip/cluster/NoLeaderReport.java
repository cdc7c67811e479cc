package io.raftvip.cluster;

import io.grpc.Status.Code;
import io.raftvip.admin.AdminException;
import io.raftvip.liveness.PortAnswer;
import io.raftvip.liveness.PortProbe;
import io.raftvip.raft.MemberView;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The answer to a change that reached a node with no leader to carry it out: UNAVAILABLE, with
 * why there is no leader as far as this node can tell and which members' Raft ports answer from
 * here (each probed with a bare TCP handshake), so an operator sees at once whether a majority is
 * down or this node is the one cut off.
 */
final class NoLeaderReport {

  /** How long each member's port may take to answer; the probes run in parallel. */
  static final Duration PROBE_TIMEOUT = Duration.ofMillis(300);

  private final String selfId;
  private final PortProbe probe;

  NoLeaderReport(String selfId, PortProbe probe) {
    this.selfId = selfId;
    this.probe = probe;
  }

  /**
   * @param what the refused change, e.g. "add a member"
   * @param route the NO_LEADER route, whose reason is given
   * @param members the members as this node knows them
   * @return the refusal, once every probe answered or timed out
   */
  CompletableFuture<AdminException> refusal(String what, Route route, List<MemberView> members) {
    if (members.stream().noneMatch(m -> m.peer().id().equals(selfId))) {
      return CompletableFuture.completedFuture(new AdminException(Code.UNAVAILABLE, "cannot " + what + ": no leader: "
          + selfId + " is not a member (yet): it knows no leader to forward to; send the change to a member"));
    }
    final List<MemberView> others = members.stream().filter(m -> !m.peer().id().equals(selfId)).toList();
    final ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, others.size()), r -> {
      final Thread t = new Thread(r, "raftvip-no-leader-probe");
      t.setDaemon(true);
      return t;
    });
    final List<CompletableFuture<PortAnswer>> answers = others.stream()
        .map(m -> CompletableFuture.supplyAsync(() -> probe.probe(m.peer().address(), PROBE_TIMEOUT), pool))
        .toList();
    return CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).handle((v, e) -> {
      pool.shutdown();
      final List<PortAnswer> seen = answers.stream().map(a -> a.getNow(PortAnswer.SILENT)).toList();
      return new AdminException(Code.UNAVAILABLE, message(what, route, members.size(), others, seen));
    });
  }

  /** @return the refusal's text for these probe answers (one per member of {@code others}, in order) */
  String message(String what, Route route, int memberCount, List<MemberView> others, List<PortAnswer> seen) {
    final List<String> reachable = new ArrayList<>(List.of(selfId + " (this node)"));
    final List<String> unreachable = new ArrayList<>();
    for (int i = 0; i < others.size(); i++) {
      final String id = others.get(i).peer().id();
      switch (seen.get(i)) {
        case ACCEPTED -> reachable.add(id);
        case REFUSED -> unreachable.add(id + " (" + others.get(i).peer().address() + " refused: raftvip not running)");
        default -> unreachable.add(id + " (" + others.get(i).peer().address() + " no answer)");
      }
    }
    final int majority = memberCount / 2 + 1;
    return "cannot " + what + ": no leader: quorum lost? members reachable from here: " + String.join(", ", reachable)
        + (unreachable.isEmpty() ? "" : "; not reachable: " + String.join(", ", unreachable))
        + " (" + route.reason() + "; a leader needs " + majority + " of the " + memberCount + " members;"
        + " retry once a majority is back" + (unreachable.isEmpty() ? " or an election is over" : "") + ")";
  }
}
