package io.raftvip.raft;

import io.raftvip.liveness.LeaderWatch;
import io.raftvip.liveness.PortAnswer;
import io.raftvip.liveness.PortProbe;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.ratis.proto.RaftProtos.RaftRpcReplyProto;
import org.apache.ratis.proto.RaftProtos.RaftRpcRequestProto;
import org.apache.ratis.proto.RaftProtos.RequestVoteReplyProto;
import org.apache.ratis.proto.RaftProtos.RequestVoteRequestProto;
import org.apache.ratis.proto.RaftProtos.TermIndexProto;
import org.apache.ratis.proto.grpc.RaftServerProtocolServiceGrpc;
import org.apache.ratis.protocol.RaftGroupId;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.protocol.TermIndex;
import org.apache.ratis.thirdparty.io.grpc.ForwardingServerCallListener;
import org.apache.ratis.thirdparty.io.grpc.Metadata;
import org.apache.ratis.thirdparty.io.grpc.ServerCall;
import org.apache.ratis.thirdparty.io.grpc.ServerCallHandler;
import org.apache.ratis.thirdparty.io.grpc.ServerInterceptor;
import org.apache.ratis.thirdparty.io.grpc.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers pre-vote requests arriving on this node's Raft port by {@link PreVotePolicy}, before
 * Ratis sees them; everything else (votes, appends, pre-votes the policy leaves to Ratis) passes
 * through unchanged. Installed with Ratis' public gRPC services customizer.
 *
 * <p>When a pre-vote finds the leader silent for the dead-leader timeout but no probe of it sent
 * since, the gate probes the leader's port itself (bounded by the probe timeout) rather than
 * guess: the answer decides between a stalled leader (refuse) and a gone one (grant).
 */
final class PreVoteGate implements ServerInterceptor {

  private static final Logger LOG = LoggerFactory.getLogger(PreVoteGate.class);
  private static final String REQUEST_VOTE =
      RaftServerProtocolServiceGrpc.getRequestVoteMethod().getFullMethodName();

  private final AtomicReference<DivisionReader> reader = new AtomicReference<>();
  private final LeaderWatch watch;
  private final PortProbe probe;
  private final RaftTiming timing;

  PreVoteGate(LeaderWatch watch, PortProbe probe, RaftTiming timing) {
    this.watch = watch;
    this.probe = probe;
    this.timing = timing;
  }

  /** Connects the gate to the division once the server has started; until then Ratis decides alone. */
  void attach(DivisionReader divisionReader) {
    reader.set(divisionReader);
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                     ServerCallHandler<Q, R> next) {
    final ServerCall.Listener<Q> delegate = next.startCall(call, headers);
    if (!REQUEST_VOTE.equals(call.getMethodDescriptor().getFullMethodName())) {
      return delegate;
    }
    return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(delegate) {
      private boolean answered;

      @Override
      public void onMessage(Q message) {
        final RequestVoteReplyProto reply = answer((RequestVoteRequestProto) message);
        if (reply == null) {
          super.onMessage(message);
          return;
        }
        answered = true;
        @SuppressWarnings("unchecked") final R response = (R) reply;
        call.sendHeaders(new Metadata());
        call.sendMessage(response);
        call.close(Status.OK, new Metadata());
      }

      @Override
      public void onHalfClose() {
        if (!answered) {
          super.onHalfClose(); // Ratis' handler runs on half-close; it got no message when we answered
        }
      }
    };
  }

  /** @return the reply to send, or null to let Ratis answer */
  RequestVoteReplyProto answer(RequestVoteRequestProto request) {
    final DivisionReader r = reader.get();
    if (r == null || !request.getPreVote() || !timing.deadLeaderDetection()) {
      return null;
    }
    final RaftRpcRequestProto header = request.getServerRequest();
    if (!RaftGroupId.valueOf(header.getRaftGroupId().getId()).equals(r.division().getMemberId().getGroupId())) {
      return null; // Ratis answers a foreign group with its own error
    }
    final String candidate = RaftPeerId.valueOf(header.getRequestorId()).toString();
    final long electionMinMs = timing.electionTimeoutMin().toMillis();
    VoterState v = r.voter(candidate, watch, electionMinMs, System.nanoTime());
    PreVotePolicy.Decision d = decide(candidate, request, v);
    if (PreVotePolicy.waitsForProbe(v) && d.kind() == PreVotePolicy.Kind.REJECT) {
      probeLeaderNow(r);
      v = r.voter(candidate, watch, electionMinMs, System.nanoTime());
      d = decide(candidate, request, v);
    }
    final boolean wouldGrant = d.kind() == PreVotePolicy.Kind.GRANT
        || (d.kind() == PreVotePolicy.Kind.PASS_TO_RATIS && v.follower() && v.leaderId().isEmpty());
    if (wouldGrant && watch.contending() && ahead(r, candidate, v.leaderId())) {
      // Two followers that both saw the leader go would split the vote; the one earlier in the
      // order goes first and the other one waits for it.
      d = new PreVotePolicy.Decision(PreVotePolicy.Kind.REJECT, "this node is before " + candidate
          + " in the order in which followers step forward, and is stepping forward itself");
    }
    if (d.kind() == PreVotePolicy.Kind.PASS_TO_RATIS) {
      return null;
    }
    final boolean granted = d.kind() == PreVotePolicy.Kind.GRANT;
    if (granted) {
      watch.grantedPreVote(System.nanoTime()); // the candidate goes first; this node holds back
    }
    if (granted) {
      LOG.info("{}: granted pre-vote of {}: {}", r.self(), candidate, d.reason());
    } else {
      LOG.debug("{}: refused pre-vote of {}: {}", r.self(), candidate, d.reason()); // the usual answer
    }
    final TermIndex last = r.lastEntry();
    return RequestVoteReplyProto.newBuilder()
        .setServerReply(RaftRpcReplyProto.newBuilder()
            .setRequestorId(header.getRequestorId())
            .setReplyId(r.self().toByteString())
            .setRaftGroupId(header.getRaftGroupId())
            .setCallId(header.getCallId())
            .setSuccess(granted))
        .setTerm(r.division().getInfo().getCurrentTerm())
        .setShouldShutdown(false)
        .setLastEntry(TermIndexProto.newBuilder().setTerm(last.getTerm()).setIndex(last.getIndex()))
        .build();
  }

  private static boolean ahead(DivisionReader r, String candidate, String leaderId) {
    final var mine = r.turn(leaderId);
    final var theirs = r.turnOf(RaftPeerId.valueOf(candidate), leaderId);
    return mine.isPresent() && theirs.isPresent() && mine.get() < theirs.get();
  }

  private static PreVotePolicy.Decision decide(String candidate, RequestVoteRequestProto request, VoterState v) {
    final TermIndexProto last = request.getCandidateLastEntry();
    return PreVotePolicy.decide(candidate, last.getTerm(), last.getIndex(), v);
  }

  private void probeLeaderNow(DivisionReader r) {
    final DivisionReader.FollowerView f = r.follower();
    if (f.leaderId().isEmpty() || f.leaderAddress().isEmpty()) {
      return;
    }
    final long sent = System.nanoTime();
    final PortAnswer answer = probe.probe(f.leaderAddress(), timing.probeTimeout());
    watch.record(f.leaderId(), sent, answer);
  }
}
