package io.raftvip.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.StatusRuntimeException;
import io.raftvip.proto.v1.AddMemberRequest;
import io.raftvip.proto.v1.ListMembersRequest;
import io.raftvip.proto.v1.ListMembersResponse;
import io.raftvip.proto.v1.Member;
import io.raftvip.proto.v1.Reachability;
import io.raftvip.proto.v1.RemoveMemberRequest;
import io.raftvip.proto.v1.Status;
import io.raftvip.testing.FailureRecorder;
import io.raftvip.testing.Netns;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Membership changes through the admin API on a real cluster while a client keeps probing the
 * VIP: a fourth node joins and an old one leaves, both sent to followers (which forward them to
 * the leader), the nodes' status names how their files' peers drifted from the members, the result
 * survives a restart of every daemon; removing below a safe majority is refused (the refusal comes
 * back through the follower it was sent to); removing the owner moves ownership first.
 *
 * <p>Each test gets a fresh three-node lab: a membership change cannot be undone cheaply, and a
 * test that needs three members must not depend on the steps another test took.
 */
@Tag("netns")
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class MembershipIT {

  static final String PREFIX = "rva-mem-";
  @RegisterExtension
  static final FailureRecorder failures = new FailureRecorder();
  private ClusterLab lab;
  private LabTiming timing;
  /** An admin call that may wait for one election. */
  private Duration call;
  /** A membership change: a new member catches up and a configuration commits, on a busy machine. */
  private Duration change;
  private AdminChannels admin;
  /** The members the cluster should have now; every one of them should be running. */
  private final Set<String> members = new TreeSet<>();

  @BeforeAll
  static void checkHost() {
    Netns.requireRootAndNetns();
    Netns.deleteAll(PREFIX);
  }

  @BeforeEach
  void startCluster() throws Exception {
    lab = new ClusterLab(failures, 3, "{ vip-lifetime: 3s }", PREFIX, id -> "");
    timing = lab.timing();
    call = timing.failover();
    change = timing.settle();
    admin = new AdminChannels(lab::adminSocket);
    members.addAll(lab.ids());
    lab.startAll();
    lab.awaitStableOwner();
  }

  @AfterEach
  void stopCluster() throws Exception {
    if (admin != null) {
      admin.close();
    }
    if (lab != null) {
      lab.close();
    }
  }

  private static void report(String scenario, String text) {
    System.out.println("[raftvip-it] " + scenario + ": " + text);
  }

  private static Set<String> ids(List<Member> list) {
    final Set<String> ids = new TreeSet<>();
    list.forEach(m -> ids.add(m.getId()));
    return ids;
  }

  /** @return node {@code id}'s config drift as its status says, "" when none (or no answer) */
  private String driftOf(String id) {
    final Status s = admin.statusOrNull(id);
    return s == null || !s.hasConfigDrift() ? "" : s.getConfigDrift().getMessage();
  }

  /** Waits until {@code id} answers GetStatus and returns that status. */
  private Status awaitStatus(String id, Duration timeout) {
    final Status[] s = new Status[1];
    lab.await(timeout, () -> (s[0] = admin.statusOrNull(id)) != null, id + "'s admin API to answer");
    return s[0];
  }

  @Test
  void addFourthNode_removeAnOldOne_sentToFollowers_vipAnswersThroughout_driftShown_andMembershipSurvivesRestart()
      throws Exception {
    final String owner = lab.awaitStableOwner();
    assertEquals(owner, awaitStatus(owner, call).getLeader(), "the owner leads");
    final List<String> followers = members.stream().filter(id -> !id.equals(owner)).toList();
    final String follower = followers.get(0);
    final String removed = followers.get(1);

    lab.addNode("n4", List.of("n1", "n2", "n3", "n4"));
    lab.start("n4");
    awaitStatus("n4", timing.settle());
    final AddMemberRequest add = AddMemberRequest.newBuilder().setId("n4").setAddress(ClusterLab.raftAddress("n4")).build();

    // Sent to a follower: it forwards the change to the leader, which carries it out.
    final long t0 = System.nanoTime();
    final ListMembersResponse added = admin.blocking(follower, change).addMember(add);
    final long addedAt = System.nanoTime();
    assertEquals(Set.of("n1", "n2", "n3", "n4"), ids(added.getMembersList()));
    assertTrue(added.getMembersList().stream().anyMatch(m -> m.getReachability() != Reachability.REACHABILITY_UNKNOWN),
        () -> "the leader's answer (only it knows reachability): " + added.getMembersList());
    members.add("n4");
    lab.awaitLogLine(follower, "forwarding AddMember n4 to the leader " + owner, call);
    lab.awaitLogLine(owner, "AddMember n4 forwarded by " + follower, call);
    report("membership", "follower " + follower + " took AddMember n4 and forwarded it to the leader " + owner);
    lab.await(timing.settle(), () -> {
      final Status s4 = admin.statusOrNull("n4");
      return s4 != null && s4.getMembersCount() == 4 && owner.equals(s4.getLeader());
    }, "n4 to follow " + owner + " with 4 members");

    // The old nodes' files list n1..n3: their status names the drift; n4's file lists all four.
    lab.await(call, () -> driftOf(follower).contains("lack n4 (" + ClusterLab.raftAddress("n4") + "), a member"),
        follower + "'s status to name the drift", () -> driftOf(follower));
    report("membership", follower + " after the add: config drift: " + driftOf(follower));
    assertTrue(driftOf(follower).startsWith("peers in " + lab.config(follower) + " lack n4"), driftOf(follower));
    assertEquals("", driftOf("n4"), "n4's peers match the members");

    // Sent to the newest member, a follower too.
    final ListMembersResponse after = admin.blocking("n4", change).removeMember(
        RemoveMemberRequest.newBuilder().setId(removed).build());
    final long removedAt = System.nanoTime();
    members.remove(removed);
    assertEquals(members, ids(after.getMembersList()));
    lab.awaitLogLine("n4", "forwarding RemoveMember " + removed + " to the leader " + owner, call);
    lab.stop(removed); // as an operator would once it has left (it may have exited by itself already)
    final long t1 = System.nanoTime();
    final long gap = lab.probe().maxGapMillis(t0, t1);
    report("membership", "add n4 via " + follower + " took " + (addedAt - t0) / 1_000_000 + " ms, remove " + removed
        + " via n4 " + (removedAt - addedAt) / 1_000_000 + " ms; client max gap " + gap + " ms over "
        + (t1 - t0) / 1_000_000 + " ms (" + lab.probe().answersBetween(t0, t1) + " answers); owner " + owner);
    assertTrue(gap < 1000, () -> "the VIP answered throughout (max gap " + gap + " ms)" + lab.describe(t0));
    assertEquals(List.of(owner), lab.timeline.holders(),
        () -> "adding and removing followers leaves the owner alone" + lab.describe(t0));
    assertEquals(List.of(), lab.timeline.overlaps(null), () -> "no overlap" + lab.describe(t0));
    lab.await(call, () -> driftOf("n4").contains("list " + removed + " (" + ClusterLab.raftAddress(removed)
        + "), not a member"), "n4's status to name " + removed + " as listed but not a member", () -> driftOf("n4"));
    report("membership", "n4 after the removal: config drift: " + driftOf("n4"));

    // SIGTERM all at once, start all: the membership must come back from the Raft storage,
    // not from the peers lists (n2, n3 still list n1..n3; n4 lists n1..n4).
    for (String id : members) {
      lab.signal(id, "TERM");
    }
    for (String id : members) {
      lab.awaitExit(id);
    }
    final long restartAt = System.nanoTime();
    for (String id : members) {
      lab.start(id);
    }
    final String newOwner = lab.awaitStableOwner();
    final long answeredMs = (System.nanoTime() - restartAt) / 1_000_000;
    for (String id : members) {
      lab.await(timing.settle(), () -> {
        final Status s = admin.statusOrNull(id);
        return s != null && ids(s.getMembersList()).equals(members);
      }, id + " to report members " + members + " after the restart", () -> {
        final Status s = admin.statusOrNull(id);
        return s == null ? "no answer" : "members " + ids(s.getMembersList());
      });
    }
    assertTrue(members.contains("n4") && !members.contains(removed));
    assertFalse(lab.timeline.holders().contains(removed));
    report("membership", "after restarting " + members + ": members " + members + " on every node, owner "
        + newOwner + " (stable " + answeredMs + " ms after start)");
    assertEquals(List.of(), lab.timeline.overlaps(null),
        () -> "no overlap across the restart" + lab.describe(restartAt));
  }

  @Test
  void removingBelowSafeMajority_isRefused() throws Exception {
    final String owner = lab.awaitStableOwner();
    assertEquals(3, members.size(), "this step needs three members: " + members);
    final List<String> followers = members.stream().filter(id -> !id.equals(owner)).toList();
    final String down = followers.get(0);
    final String other = followers.get(1);
    lab.stop(down);
    lab.await(timing.failover(), () -> awaitStatus(owner, call).getMembersList().stream()
        .anyMatch(m -> m.getId().equals(down) && m.getReachability() == Reachability.REACHABILITY_UNREACHABLE),
        "the leader " + owner + " to see " + down + " unreachable");
    // Without `other`, {owner, down} would remain: one reachable of two, short of a majority. Sent to
    // `other` itself: the leader's refusal comes back through the follower unchanged.
    final StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> admin.blocking(other, call).removeMember(RemoveMemberRequest.newBuilder().setId(other).build()));
    report("membership", "with " + down + " down, removing " + other + " (sent to " + other + "): " + e.getStatus());
    assertEquals(io.grpc.Status.Code.FAILED_PRECONDITION, e.getStatus().getCode(), e.toString());
    assertTrue(e.getStatus().getDescription().contains("refusing to remove '" + other + "'"), e.toString());
    assertEquals(members, ids(admin.blocking(owner, call).listMembers(ListMembersRequest.getDefaultInstance())
        .getMembersList()), "membership unchanged");
    assertEquals(List.of(owner), lab.timeline.holders(),
        () -> "the owner keeps the VIP with a majority left" + lab.describe());
  }

  @Test
  void removingTheOwner_movesOwnershipFirst_withoutOverlap() throws Exception {
    final String owner = lab.awaitStableOwner();
    lab.await(timing.failover(), () -> awaitStatus(owner, call).getMembersList().stream()
        .allMatch(m -> m.getReachability() == Reachability.REACHABILITY_REACHABLE), "every member reachable");
    final long t0 = System.nanoTime();
    final ListMembersResponse after = admin.blocking(owner, change).removeMember(
        RemoveMemberRequest.newBuilder().setId(owner).build());
    final long doneMs = (System.nanoTime() - t0) / 1_000_000;
    members.remove(owner);
    assertEquals(members, ids(after.getMembersList()));
    final String next = lab.awaitNewOwner(timing.failover(), owner, List.of());
    assertNotEquals(owner, next);
    assertTrue(members.contains(next));
    final long gap = lab.probe().outageMillis(t0, owner);
    report("membership", "removed owner " + owner + " in " + doneMs + " ms; " + next + " owns, client gap "
        + gap + " ms");
    assertEquals(List.of(), lab.timeline.overlapsSince(t0), () -> "no overlap" + lab.describe(t0));
    // The removed owner is still running and its log may lag the kernel: wait for the line.
    lab.awaitLogLine(owner, "handing ownership over to", timing.failover());
    final long released = lab.timeline.since(t0).stream().filter(c -> c.node().equals(owner) && !c.added())
        .findFirst().orElseThrow().nanos();
    final long bound = lab.timeline.since(t0).stream().filter(c -> c.node().equals(next) && c.added())
        .findFirst().orElseThrow().nanos();
    assertTrue(released < bound, () -> "the removed owner released before " + next + " bound" + lab.describe(t0));
    lab.await(timing.settle(), () -> {
      final Status s = admin.statusOrNull(next);
      return s != null && ids(s.getMembersList()).equals(members);
    }, next + " to report members " + members);
    // The removed node must never take the VIP back. An observation window (a negative cannot be
    // polled for), as long as an election would take.
    final long watchFrom = System.nanoTime();
    final long quiet = timing.quiet().toNanos();
    lab.await(timing.quiet().plus(timing.failover()), () -> System.nanoTime() - watchFrom > quiet
        || lab.timeline.holds(owner), timing.quiet().toMillis() + " ms to pass");
    assertFalse(lab.timeline.holds(owner), () -> "the removed node bound the VIP again" + lab.describe(watchFrom));
    // Ratis closes a removed member's group once it finds itself outside the configuration, and
    // its daemon then exits (status 1, said in its log) instead of living on without Raft.
    lab.awaitExit(owner);
    assertEquals(1, lab.daemon(owner).exitCode(), () -> "the removed node's daemon exit status" + lab.describe(watchFrom));
    lab.awaitLogLine(owner, "exiting with status 1", timing.failover());
    assertEquals(List.of(next), lab.timeline.holders(), () -> "holders" + lab.describe(watchFrom));
  }
}
