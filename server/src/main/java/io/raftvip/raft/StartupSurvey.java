package io.raftvip.raft;

import io.raftvip.proto.peer.v1.DescribeResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * What the other members say before this one joins Raft. Two things depend on it: a member whose
 * timing differs from theirs must not join (the leader lease is only safe when every member
 * runs with the same election timeouts and lease), and a new member that is not in their
 * configuration yet must not campaign — Ratis' way is to start it with an empty group, so it
 * waits until the leader adds it.
 *
 * @param answers the members that answered
 * @param silent the members that did not answer in time (down, not started yet, unreachable)
 */
record StartupSurvey(List<Answer> answers, List<String> silent) {

  /** One member's answer. */
  record Answer(String peerId, DescribeResponse response) {
  }

  /** Asks every peer in parallel; waits at most {@code timeout} in all. */
  static StartupSurvey ask(PeerInfoClient client, List<PeerSpec> others, Duration timeout) {
    if (others.isEmpty()) {
      return new StartupSurvey(List.of(), List.of());
    }
    final ExecutorService pool = Executors.newFixedThreadPool(others.size(), r -> {
      final Thread t = new Thread(r, "raftvip-startup-survey");
      t.setDaemon(true);
      return t;
    });
    try {
      final List<CompletableFuture<DescribeResponse>> calls = new ArrayList<>();
      for (PeerSpec p : others) {
        calls.add(CompletableFuture.supplyAsync(() -> client.describe(p.address(), timeout), pool));
      }
      final long deadline = System.nanoTime() + timeout.toNanos();
      final List<Answer> answers = new ArrayList<>();
      final List<String> silent = new ArrayList<>();
      for (int i = 0; i < others.size(); i++) {
        try {
          answers.add(new Answer(others.get(i).id(),
              calls.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)));
        } catch (Exception e) {
          silent.add(others.get(i).id());
        }
      }
      return new StartupSurvey(List.copyOf(answers), List.copyOf(silent));
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * @return why this member must not join: the members whose timing differs from {@code mine},
   *     with both values and how to fix it; empty when every answer agrees
   */
  Optional<String> timingMismatch(String selfId, String mine) {
    final List<String> differing = answers.stream()
        .filter(a -> !a.response().getTiming().equals(mine))
        .map(a -> a.peerId() + " runs with " + a.response().getTiming())
        .toList();
    if (differing.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(selfId + ": refusing to join: every member must run with the same timing, but this"
        + " node is configured with " + mine + " while " + String.join("; ", differing)
        + ". Set the same `timing:` in every member's configuration; to change the timing of a"
        + " cluster, stop every member, change all configurations, then start them again");
  }

  /**
   * @return the members a peer knows when none of them includes {@code selfId}: this node is new
   *     and not added yet; empty when it is a member (or nobody answered)
   */
  Optional<String> notYetAMember(String selfId) {
    for (Answer a : answers) {
      final List<String> members = a.response().getMembersList();
      if (!members.isEmpty() && !members.contains(selfId)) {
        return Optional.of(a.peerId() + " knows the members " + String.join(", ", members));
      }
    }
    return Optional.empty();
  }
}
