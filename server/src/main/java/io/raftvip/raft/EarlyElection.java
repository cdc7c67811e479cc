package io.raftvip.raft;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.ratis.proto.RaftProtos.RaftRpcRequestProto;
import org.apache.ratis.proto.RaftProtos.RequestVoteReplyProto;
import org.apache.ratis.proto.RaftProtos.RequestVoteRequestProto;
import org.apache.ratis.proto.RaftProtos.StartLeaderElectionRequestProto;
import org.apache.ratis.proto.RaftProtos.TermIndexProto;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.RaftConfiguration;
import org.apache.ratis.server.protocol.TermIndex;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a leader that is verifiably gone without waiting for the election timeout: first a
 * pre-vote round (Raft's own: would a majority vote for this node now?), answered by every voter
 * by its own judgement of the leader ({@link PreVoteGate}), and only if it passes, a real
 * election, started as Ratis starts one for a leadership transfer. The election itself, its terms
 * and votes, are Ratis' unchanged.
 *
 * <p>The transfer path needs this node's last log entry to be of the current term (Ratis checks
 * it against the leader it knows); when it is not — this node voted in a newer term whose leader
 * never reached it — the early election is skipped and Ratis' own timer elects, later.
 */
final class EarlyElection {

  private static final Logger LOG = LoggerFactory.getLogger(EarlyElection.class);

  private final DivisionReader reader;
  private final ExecutorService rpc;
  private final long voteTimeoutMs;
  private final AtomicLong callIds = new AtomicLong(1L << 40); // away from Ratis' own call ids

  /**
   * @param rpc runs the blocking vote requests, one per peer
   * @param voteTimeoutMs how long to wait for pre-vote answers
   */
  EarlyElection(DivisionReader reader, ExecutorService rpc, long voteTimeoutMs) {
    this.reader = reader;
    this.rpc = rpc;
    this.voteTimeoutMs = voteTimeoutMs;
  }

  /**
   * Runs a pre-vote round and, if it passes, starts an election.
   *
   * @param leaderId the gone leader, or empty when none is known
   * @param why what was observed, for the log
   * @return true when an election was started
   */
  boolean run(String leaderId, String why) {
    final DivisionReader.FollowerView before = reader.follower();
    if (!before.follower()) {
      return false;
    }
    final TermIndex last = before.lastEntry();
    if (last.getTerm() != before.term() && last.getTerm() != 0) {
      LOG.debug("{}: no early election: last entry {} is not of term {}", reader.self(), last, before.term());
      return false;
    }
    final RaftConfiguration conf = reader.conf();
    final PreVoteResult result = preVote(conf, before.term(), last, leaderId);
    if (!result.passed()) {
      LOG.debug("{}: early pre-vote in term {} failed: {}", reader.self(), before.term(), result.detail());
      return false;
    }
    final DivisionReader.FollowerView now = reader.follower();
    if (!now.follower() || now.term() != before.term() || !now.leaderId().equals(before.leaderId())) {
      return false; // a leader appeared or a term passed meanwhile: nothing to replace
    }
    LOG.info("{}: {}; pre-vote passed ({}); starting an election for term {}", reader.self(), why,
        result.detail(), before.term() + 1);
    return startElection(leaderId, last);
  }

  private record PreVoteResult(boolean passed, String detail) {
  }

  /**
   * Asks every voter but this node and the gone leader: the leader was just found not to answer,
   * and waiting for its vote would only hold the round up until the timeout.
   */
  private PreVoteResult preVote(RaftConfiguration conf, long term, TermIndex last, String goneLeader) {
    final RaftPeerId self = reader.self();
    final List<RaftPeer> others = new ArrayList<>();
    for (RaftPeer p : allVoters(conf)) {
      if (!p.getId().equals(self) && !p.getId().toString().equals(goneLeader)) {
        others.add(p);
      }
    }
    final List<CompletableFuture<RequestVoteReplyProto>> replies = new ArrayList<>();
    for (RaftPeer peer : others) {
      final RequestVoteRequestProto request = RequestVoteRequestProto.newBuilder()
          .setServerRequest(header(peer.getId()))
          .setCandidateTerm(term)
          .setCandidateLastEntry(TermIndexProto.newBuilder().setTerm(last.getTerm()).setIndex(last.getIndex()))
          .setPreVote(true)
          .build();
      replies.add(CompletableFuture.supplyAsync(() -> {
        try {
          return reader.division().getRaftServer().getServerRpc().requestVote(request);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }, rpc));
    }
    // Decide as soon as the answers decide it: a gone leader never answers, and waiting for it
    // would let the next follower's turn come and split the vote.
    final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(voteTimeoutMs);
    final Set<RaftPeerId> granted = new HashSet<>();
    granted.add(self);
    final RaftPeer me = conf.getPeer(self);
    final int myPriority = me == null ? 0 : me.getPriority();
    final StringBuilder detail = new StringBuilder();
    final java.util.Map<RaftPeerId, CompletableFuture<RequestVoteReplyProto>> pending = new java.util.LinkedHashMap<>();
    for (int i = 0; i < others.size(); i++) {
      pending.put(others.get(i).getId(), replies.get(i));
    }
    while (!pending.isEmpty() && !decided(conf, granted)) {
      final long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      try {
        CompletableFuture.anyOf(pending.values().toArray(CompletableFuture[]::new)).get(left, TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        break;
      } catch (Exception e) {
        // one of them failed: handled below with the others that are done
      }
      for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
        final var entry = it.next();
        if (!entry.getValue().isDone()) {
          continue;
        }
        it.remove();
        final RaftPeer peer = conf.getPeer(entry.getKey());
        if (entry.getValue().isCompletedExceptionally()) {
          detail.append(entry.getKey()).append(": no answer; ");
          continue;
        }
        final RequestVoteReplyProto reply = entry.getValue().join();
        if (reply.getTerm() > term) {
          return new PreVoteResult(false, entry.getKey() + " is in a newer term " + reply.getTerm());
        }
        if (reply.getServerReply().getSuccess()) {
          granted.add(entry.getKey());
          detail.append(entry.getKey()).append(": granted; ");
        } else {
          detail.append(entry.getKey()).append(": refused; ");
          if (peer != null && peer.getPriority() > myPriority) {
            return new PreVoteResult(false, detail + "a member of higher priority refused");
          }
        }
      }
    }
    for (RaftPeerId silent : pending.keySet()) {
      detail.append(silent).append(": no answer yet; ");
    }
    return new PreVoteResult(decided(conf, granted), detail.toString().strip());
  }

  private static boolean decided(RaftConfiguration conf, Set<RaftPeerId> granted) {
    return majorityOf(conf.getCurrentPeers(), granted)
        && (conf.getPreviousPeers().isEmpty() || majorityOf(conf.getPreviousPeers(), granted));
  }

  private static Collection<RaftPeer> allVoters(RaftConfiguration conf) {
    final List<RaftPeer> all = new ArrayList<>(conf.getCurrentPeers());
    for (RaftPeer p : conf.getPreviousPeers()) {
      if (all.stream().noneMatch(q -> q.getId().equals(p.getId()))) {
        all.add(p);
      }
    }
    return all;
  }

  private static boolean majorityOf(Collection<RaftPeer> voters, Set<RaftPeerId> granted) {
    final long yes = voters.stream().filter(p -> granted.contains(p.getId())).count();
    return yes > voters.size() / 2;
  }

  /**
   * Starts the election through Ratis' leadership-transfer entry point on this node itself
   * (RaftServerProtocol.startLeaderElection, in process): it checks that the request names the
   * leader this node knows and that this node's log is as new as the given entry, then makes it a
   * candidate in a new term, as a transfer target.
   */
  private boolean startElection(String leaderId, TermIndex last) {
    final RaftPeerId requestor = leaderId.isEmpty() ? reader.self() : RaftPeerId.valueOf(leaderId);
    final StartLeaderElectionRequestProto request = StartLeaderElectionRequestProto.newBuilder()
        .setServerRequest(RaftRpcRequestProto.newBuilder()
            .setRequestorId(requestor.toByteString())
            .setReplyId(reader.self().toByteString())
            .setRaftGroupId(org.apache.ratis.proto.RaftProtos.RaftGroupIdProto.newBuilder()
                .setId(reader.division().getMemberId().getGroupId().toByteString()))
            .setCallId(callIds.incrementAndGet()))
        .setLeaderLastEntry(TermIndexProto.newBuilder().setTerm(last.getTerm()).setIndex(last.getIndex()))
        .build();
    try {
      final boolean started = reader.division().getRaftServer().startLeaderElection(request)
          .getServerReply().getSuccess();
      if (!started) {
        LOG.info("{}: Ratis did not start the election (state changed meanwhile)", reader.self());
      }
      return started;
    } catch (IOException | RuntimeException e) {
      LOG.warn("{}: cannot start an election: {}", reader.self(), e.toString());
      return false;
    }
  }

  private RaftRpcRequestProto.Builder header(RaftPeerId to) {
    return RaftRpcRequestProto.newBuilder()
        .setRequestorId(reader.self().toByteString())
        .setReplyId(to.toByteString())
        .setRaftGroupId(org.apache.ratis.proto.RaftProtos.RaftGroupIdProto.newBuilder()
            .setId(reader.division().getMemberId().getGroupId().toByteString()))
        .setCallId(callIds.incrementAndGet());
  }
}
