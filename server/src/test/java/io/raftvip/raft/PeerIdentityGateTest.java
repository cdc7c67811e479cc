package io.raftvip.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.raftvip.proto.peer.v1.DescribeRequest;
import io.raftvip.testing.TestCertificates;
import java.lang.reflect.Proxy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLSession;
import org.apache.ratis.proto.RaftProtos.AppendEntriesRequestProto;
import org.apache.ratis.proto.RaftProtos.RaftRpcRequestProto;
import org.apache.ratis.proto.RaftProtos.RequestVoteRequestProto;
import org.apache.ratis.proto.grpc.AdminProtocolServiceGrpc;
import org.apache.ratis.proto.grpc.RaftServerProtocolServiceGrpc;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.thirdparty.io.grpc.Attributes;
import org.apache.ratis.thirdparty.io.grpc.Grpc;
import org.apache.ratis.thirdparty.io.grpc.Metadata;
import org.apache.ratis.thirdparty.io.grpc.MethodDescriptor;
import org.apache.ratis.thirdparty.io.grpc.ServerCall;
import org.apache.ratis.thirdparty.io.grpc.Status;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Raft port's identity check with real certificates and fake calls: a member acting for
 * itself passes; a CA-signed certificate acting for another member, in a single request or in the
 * middle of a stream, is refused with PERMISSION_DENIED before Ratis sees the message.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PeerIdentityGateTest {

  private static final List<PeerSpec> PEERS = List.of(new PeerSpec("n1", "10.4.0.10:7420", 0),
      new PeerSpec("n2", "10.4.0.11:7420", 0), new PeerSpec("n3", "allyrion.lan:7420", 0));

  @TempDir
  Path dir;
  private X509Certificate n2;
  private X509Certificate outsider;
  private final AtomicLong clock = new AtomicLong();
  private PeerIdentityGate gate;

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(TestCertificates.opensslAvailable(), "SKIPPED: no openssl binary to make test certificates");
    final TestCertificates ca = TestCertificates.create(dir.resolve("pki"), "raftvip test CA");
    n2 = read(ca.node("n2", "10.4.0.11").cert());
    outsider = read(ca.node("n4", "10.4.0.14").cert());
    gate = new PeerIdentityGate(new PeerIdentityRule(new MemberAddresses(PEERS, () -> null)),
        new RefusalLog("n1", 30_000, clock::get));
  }

  @Test
  void memberActingForItself_reachesRatis() {
    final FakeCall<RequestVoteRequestProto> call = call(RaftServerProtocolServiceGrpc.getRequestVoteMethod(), n2);
    final List<Object> seen = new ArrayList<>();

    gate.interceptCall(call, new Metadata(), next(seen)).onMessage(vote("n2"));

    assertEquals(1, seen.size());
    assertNull(call.closed);
  }

  @Test
  void certificateOfAnotherAddress_cannotVoteAsAMember() {
    final FakeCall<RequestVoteRequestProto> call =
        call(RaftServerProtocolServiceGrpc.getRequestVoteMethod(), outsider);
    final List<Object> seen = new ArrayList<>();

    gate.interceptCall(call, new Metadata(), next(seen)).onMessage(vote("n2"));

    assertEquals(List.of("cancel"), seen, "Ratis never saw the vote, only the call's end");
    assertEquals(Status.Code.PERMISSION_DENIED, call.closed.getCode());
    assertEquals("raftvip: it claims to be member 'n2' (10.4.0.11:7420) but its certificate (subject"
        + " CN=raftvip-test-n4, SAN IP:10.4.0.14) does not name 10.4.0.11; a member's certificate must carry"
        + " its Raft address host as a subject alternative name", call.closed.getDescription());
  }

  @Test
  void streamThatSwitchesIdentity_isCutAtTheFirstForeignMessage() {
    final FakeCall<AppendEntriesRequestProto> call =
        call(RaftServerProtocolServiceGrpc.getAppendEntriesMethod(), n2);
    final List<Object> seen = new ArrayList<>();
    final ServerCall.Listener<AppendEntriesRequestProto> listener = gate.interceptCall(call, new Metadata(), next(seen));

    listener.onMessage(append("n2"));
    listener.onMessage(append("n1"));
    listener.onMessage(append("n2"));

    assertEquals(2, seen.size(), "the first append and the cancellation: " + seen);
    assertEquals("cancel", seen.get(1));
    assertEquals(Status.Code.PERMISSION_DENIED, call.closed.getCode());
  }

  @Test
  void unknownMember_isRefusedNamingTheKnownOnes() {
    final FakeCall<RequestVoteRequestProto> call = call(RaftServerProtocolServiceGrpc.getRequestVoteMethod(), n2);

    gate.interceptCall(call, new Metadata(), next(new ArrayList<>())).onMessage(vote("n9"));

    assertEquals("raftvip: it claims to be member 'n9', which is not in this node's Raft configuration nor its"
        + " configured peers [n1, n2, n3]", call.closed.getDescription());
  }

  @Test
  void ratisAdminProtocol_needsAMembersCertificate() {
    final FakeCall<Object> call = call(AdminProtocolServiceGrpc.getSetConfigurationMethod(), outsider);
    final List<Object> seen = new ArrayList<>();

    gate.interceptCall(call, new Metadata(), next(seen));

    assertEquals(List.of(), seen, "the call never started");
    assertEquals("raftvip: its certificate (subject CN=raftvip-test-n4, SAN IP:10.4.0.14) names no member's Raft"
        + " address (members: {n1=10.4.0.10:7420, n2=10.4.0.11:7420, n3=allyrion.lan:7420}); only members may"
        + " use Ratis' client and admin protocols", call.closed.getDescription());
  }

  @Test
  void describe_answersAnUnknownNode_butNotAKnownIdWithTheWrongCertificate() {
    final FakeCall<DescribeRequest> newcomer = call(PeerInfoService.DESCRIBE, outsider);
    final List<Object> seen = new ArrayList<>();
    gate.interceptCall(newcomer, new Metadata(), next(seen)).onMessage(DescribeRequest.newBuilder().setNode("n4").build());
    assertEquals(1, seen.size(), "a node about to be added learns the members");

    final FakeCall<DescribeRequest> impostor = call(PeerInfoService.DESCRIBE, outsider);
    gate.interceptCall(impostor, new Metadata(), next(new ArrayList<>()))
        .onMessage(DescribeRequest.newBuilder().setNode("n2").build());
    assertEquals(Status.Code.PERMISSION_DENIED, impostor.closed.getCode());
  }

  @Test
  void refusals_areLoggedOncePerPeriod_withACount() {
    final RefusalLog log = new RefusalLog("n1", 30_000, clock::get);

    assertEquals("refused x", log.refused("k", "refused x"));
    assertNull(log.refused("k", "refused x"));
    assertNull(log.refused("k", "refused x"));
    clock.addAndGet(TimeUnit.SECONDS.toNanos(31));
    assertEquals("refused x (2 more refused like this since the last report)", log.refused("k", "refused x"));
  }

  private static RequestVoteRequestProto vote(String from) {
    return RequestVoteRequestProto.newBuilder().setServerRequest(header(from)).setCandidateTerm(5).build();
  }

  private static AppendEntriesRequestProto append(String from) {
    return AppendEntriesRequestProto.newBuilder().setServerRequest(header(from)).setLeaderTerm(5).build();
  }

  private static RaftRpcRequestProto header(String from) {
    return RaftRpcRequestProto.newBuilder().setRequestorId(RaftPeerId.valueOf(from).toByteString()).build();
  }

  @SuppressWarnings("unchecked")
  private static <Q> org.apache.ratis.thirdparty.io.grpc.ServerCallHandler<Q, Object> next(List<Object> seen) {
    return (call, headers) -> new ServerCall.Listener<>() {
      @Override public void onMessage(Q message) {
        seen.add(message);
      }
      @Override public void onCancel() {
        seen.add("cancel");
      }
    };
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static <Q> FakeCall<Q> call(MethodDescriptor<?, ?> method, X509Certificate peer) {
    final SSLSession session = (SSLSession) Proxy.newProxyInstance(SSLSession.class.getClassLoader(),
        new Class<?>[] {SSLSession.class}, (proxy, m, args) -> m.getName().equals("getPeerCertificates")
            ? new Certificate[] {peer} : null);
    return new FakeCall<>((MethodDescriptor) method, Attributes.newBuilder()
        .set(Grpc.TRANSPORT_ATTR_SSL_SESSION, session)
        .set(Grpc.TRANSPORT_ATTR_REMOTE_ADDR, new InetSocketAddress("10.4.0.14", 40000)).build());
  }

  private static X509Certificate read(Path pem) throws Exception {
    try (var in = java.nio.file.Files.newInputStream(pem)) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    }
  }

  /** Records how the gate ended the call. */
  static final class FakeCall<Q> extends ServerCall<Q, Object> {
    private final MethodDescriptor<Q, Object> method;
    private final Attributes attributes;
    Status closed;

    FakeCall(MethodDescriptor<Q, Object> method, Attributes attributes) {
      this.method = method;
      this.attributes = attributes;
    }

    @Override public void request(int numMessages) { }
    @Override public void sendHeaders(Metadata headers) { }
    @Override public void sendMessage(Object message) { }
    @Override public void close(Status status, Metadata trailers) {
      assertTrue(closed == null, "closed twice");
      closed = status;
    }
    @Override public boolean isCancelled() {
      return false;
    }
    @Override public MethodDescriptor<Q, Object> getMethodDescriptor() {
      return method;
    }
    @Override public Attributes getAttributes() {
      return attributes;
    }
  }
}
