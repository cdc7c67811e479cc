package io.raftvip.raft;

import io.raftvip.proto.peer.v1.DescribeRequest;
import io.raftvip.tls.CertificateNames;
import java.net.SocketAddress;
import java.util.Optional;
import java.util.function.Function;
import org.apache.ratis.proto.RaftProtos.AppendEntriesRequestProto;
import org.apache.ratis.proto.RaftProtos.InstallSnapshotRequestProto;
import org.apache.ratis.proto.RaftProtos.RaftRpcRequestProto;
import org.apache.ratis.proto.RaftProtos.ReadIndexRequestProto;
import org.apache.ratis.proto.RaftProtos.RequestVoteRequestProto;
import org.apache.ratis.proto.RaftProtos.StartLeaderElectionRequestProto;
import org.apache.ratis.proto.grpc.RaftServerProtocolServiceGrpc;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.thirdparty.io.grpc.ForwardingServerCall;
import org.apache.ratis.thirdparty.io.grpc.ForwardingServerCallListener;
import org.apache.ratis.thirdparty.io.grpc.Grpc;
import org.apache.ratis.thirdparty.io.grpc.Metadata;
import org.apache.ratis.thirdparty.io.grpc.ServerCall;
import org.apache.ratis.thirdparty.io.grpc.ServerCallHandler;
import org.apache.ratis.thirdparty.io.grpc.ServerInterceptor;
import org.apache.ratis.thirdparty.io.grpc.Status;

/**
 * Refuses, with PERMISSION_DENIED, every call on the Raft port whose TLS certificate does not
 * name the member it acts for ({@link PeerIdentityRule}): without it any certificate the
 * cluster's CA signed could vote, lead or replicate as any member. Checked per message, so a
 * stream (appendEntries, installSnapshot) cannot start honest and switch identities:
 *
 * <ul>
 *   <li>Raft's own RPCs (requestVote, appendEntries, installSnapshot, startLeaderElection,
 *       readIndex): the request's requestor id;
 *   <li>raftvip.peer.v1.Peer/Describe: the asking node's id, when this node knows it;
 *   <li>anything else on the port (Ratis' client and admin protocols, which carry a client id):
 *       the certificate must name some member.
 * </ul>
 *
 * Installed outermost (before {@link PreVoteGate}) through Ratis' services customizer, only when
 * the Raft port uses TLS.
 */
final class PeerIdentityGate implements ServerInterceptor {

  private static final String RAFT_SERVICE = RaftServerProtocolServiceGrpc.SERVICE_NAME;

  private final PeerIdentityRule rule;
  private final RefusalLog log;

  PeerIdentityGate(PeerIdentityRule rule, RefusalLog log) {
    this.rule = rule;
    this.log = log;
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                     ServerCallHandler<Q, R> next) {
    final String method = call.getMethodDescriptor().getFullMethodName();
    final Optional<CertificateNames> names = CertificateNames.ofPeer(call.getAttributes().get(Grpc.TRANSPORT_ATTR_SSL_SESSION));
    if (names.isEmpty()) {
      return refuseAtOnce(call, method, "(no certificate)", "it presented no TLS certificate");
    }
    final Function<Object, Optional<PeerIdentityRule.Refusal>> check;
    if (RAFT_SERVICE.equals(call.getMethodDescriptor().getServiceName())) {
      check = m -> rule.actsAs(names.get(), requestor(m));
    } else if (PeerInfoService.DESCRIBE.getFullMethodName().equals(method)) {
      check = m -> rule.describes(names.get(), ((DescribeRequest) m).getNode());
    } else {
      final Optional<PeerIdentityRule.Refusal> refusal = rule.isSomeMember(names.get());
      if (refusal.isPresent()) {
        return refuseAtOnce(call, method, names.get().subject(), refusal.get().reason());
      }
      return next.startCall(call, headers);
    }
    final GuardedCall<Q, R> guarded = new GuardedCall<>(call);
    return new CheckedListener<>(next.startCall(guarded, headers), guarded, method, names.get(), check);
  }

  private <Q, R> ServerCall.Listener<Q> refuseAtOnce(ServerCall<Q, R> call, String method, String subject,
                                                     String reason) {
    report(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR), method, subject, reason);
    call.close(denied(reason), new Metadata());
    return new ServerCall.Listener<>() { };
  }

  private void report(SocketAddress from, String method, String subject, String reason) {
    log.refused(subject + "|" + reason, "refused " + shortName(method) + " from " + from + ": " + reason);
  }

  private static Status denied(String reason) {
    return Status.PERMISSION_DENIED.withDescription("raftvip: " + reason);
  }

  /** Checks each message before it reaches Ratis; the first refused one ends the call. */
  private final class CheckedListener<Q, R> extends ForwardingServerCallListener.SimpleForwardingServerCallListener<Q> {
    private final GuardedCall<Q, R> call;
    private final String method;
    private final CertificateNames names;
    private final Function<Object, Optional<PeerIdentityRule.Refusal>> check;
    private boolean refused;

    CheckedListener(ServerCall.Listener<Q> delegate, GuardedCall<Q, R> call, String method,
                    CertificateNames names, Function<Object, Optional<PeerIdentityRule.Refusal>> check) {
      super(delegate);
      this.call = call;
      this.method = method;
      this.names = names;
      this.check = check;
    }

    @Override
    public void onMessage(Q message) {
      if (refused) {
        return;
      }
      final Optional<PeerIdentityRule.Refusal> refusal = check.apply(message);
      if (refusal.isEmpty()) {
        super.onMessage(message);
        return;
      }
      refused = true;
      report(call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR), method, names.subject(),
          refusal.get().reason());
      call.refuse(denied(refusal.get().reason()));
      // Ratis' side of the call ends as if the caller had gone: a stream it already serves is
      // cleaned up, and nothing it still sends reaches the closed call (GuardedCall).
      super.onCancel();
    }

    @Override
    public void onHalfClose() {
      if (!refused) {
        super.onHalfClose();
      }
    }

    @Override
    public void onCancel() {
      if (!refused) {
        super.onCancel();
      }
    }

    @Override
    public void onComplete() {
      if (!refused) {
        super.onComplete();
      }
    }

    @Override
    public void onReady() {
      if (!refused) {
        super.onReady();
      }
    }
  }

  /** The call as Ratis sees it: once refused here, what Ratis still sends or closes goes nowhere. */
  private static final class GuardedCall<Q, R> extends ForwardingServerCall.SimpleForwardingServerCall<Q, R> {
    private volatile boolean closed;

    GuardedCall(ServerCall<Q, R> delegate) {
      super(delegate);
    }

    synchronized void refuse(Status status) {
      if (!closed) {
        closed = true;
        super.close(status, new Metadata());
      }
    }

    @Override
    public synchronized void sendHeaders(Metadata headers) {
      if (!closed) {
        super.sendHeaders(headers);
      }
    }

    @Override
    public synchronized void sendMessage(R message) {
      if (!closed) {
        super.sendMessage(message);
      }
    }

    @Override
    public synchronized void close(Status status, Metadata trailers) {
      if (!closed) {
        closed = true;
        super.close(status, trailers);
      }
    }

    @Override
    public boolean isReady() {
      return !closed && super.isReady();
    }
  }

  /** @return the requestor id of one of Raft's server-to-server requests */
  static String requestor(Object message) {
    final RaftRpcRequestProto header;
    if (message instanceof AppendEntriesRequestProto m) {
      header = m.getServerRequest();
    } else if (message instanceof RequestVoteRequestProto m) {
      header = m.getServerRequest();
    } else if (message instanceof InstallSnapshotRequestProto m) {
      header = m.getServerRequest();
    } else if (message instanceof StartLeaderElectionRequestProto m) {
      header = m.getServerRequest();
    } else if (message instanceof ReadIndexRequestProto m) {
      header = m.getServerRequest();
    } else {
      return ""; // a request of a newer Ratis: no member is named "", so it is refused, visibly
    }
    return RaftPeerId.valueOf(header.getRequestorId()).toString();
  }


  private static String shortName(String fullMethod) {
    final int slash = fullMethod.lastIndexOf('/');
    return slash < 0 ? fullMethod : fullMethod.substring(slash + 1);
  }
}
