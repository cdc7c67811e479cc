package io.raftvip.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.grpc.Metadata;
import io.grpc.Status;
import io.raftvip.proto.v1.AddMemberRequest;
import io.raftvip.proto.v1.ListMembersResponse;
import io.raftvip.proto.v1.Member;
import io.raftvip.proto.v1.RemoveMemberRequest;
import io.raftvip.proto.v1.TransferOwnershipRequest;
import io.raftvip.proto.v1.TransferOwnershipResponse;
import io.raftvip.testing.TestCertificates;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.ratis.grpc.GrpcTlsConfig;
import org.apache.ratis.grpc.GrpcUtil;
import org.apache.ratis.thirdparty.io.grpc.Server;
import org.apache.ratis.thirdparty.io.grpc.ServerServiceDefinition;
import org.apache.ratis.thirdparty.io.grpc.netty.NettyServerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forwarded changes over Ratis' shaded gRPC, as on a member's Raft port: the leader's answers and
 * refusals (code, description, trailers) arrive unchanged; a member that cannot be reached, or that
 * lacks the methods, is told apart from one that refused; with mutual TLS a stranger cannot call.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PeerChangeTransportTest {

  @TempDir
  Path tmp;
  private final List<Server> servers = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();

  @AfterEach
  void stop() throws InterruptedException {
    for (Server s : servers) {
      s.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  /** The leader's side: records the call, answers or refuses as scripted. */
  private final class Leader implements ForwardedChanges {
    RuntimeException refusal;

    @Override public CompletableFuture<ListMembersResponse> addMember(String via, AddMemberRequest request) {
      calls.add(via + ": add " + request.getId() + " " + request.getAddress() + " " + request.getPriority());
      return refusal != null ? CompletableFuture.failedFuture(refusal) : CompletableFuture.completedFuture(
          ListMembersResponse.newBuilder().addMembers(Member.newBuilder().setId(request.getId())).build());
    }

    @Override public CompletableFuture<ListMembersResponse> removeMember(String via, RemoveMemberRequest request) {
      calls.add(via + ": remove " + request.getId());
      throw refusal;
    }

    @Override public CompletableFuture<TransferOwnershipResponse> transfer(String via, TransferOwnershipRequest r) {
      calls.add(via + ": transfer to " + r.getTo());
      return CompletableFuture.completedFuture(TransferOwnershipResponse.newBuilder().setOwner(r.getTo())
          .setPreviousOwner("n1").build());
    }
  }

  private String serve(PeerChangeService changes, GrpcTlsConfig tls) throws IOException {
    final ServerServiceDefinition.Builder peer = ServerServiceDefinition.builder(PeerInfoService.SERVICE);
    if (changes != null) {
      changes.addTo(peer);
    } else { // a raftvip from before forwarding: Describe only
      new PeerInfoService("n1", io.raftvip.config.TimingConfig.defaults().raftTiming(), List::of).addTo(peer);
    }
    final NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(peer.build());
    if (tls != null) {
      builder.sslContext(GrpcUtil.buildSslContextForServer(tls));
    }
    final Server server = builder.build().start();
    servers.add(server);
    return "127.0.0.1:" + server.getPort();
  }

  private static PeerChangeClient client(GrpcTlsConfig tls) {
    return new PeerChangeClient("n2", tls, Duration.ofSeconds(10));
  }

  private static Throwable failure(CompletableFuture<?> f) {
    return assertThrows(ExecutionException.class, () -> f.get(20, TimeUnit.SECONDS)).getCause();
  }

  @Test
  void answers_arriveAsTheLeaderSentThem_namingTheForwardingMember() throws Exception {
    final PeerChangeService service = new PeerChangeService("n1");
    service.serve(new Leader());
    final String leader = serve(service, null);
    final ListMembersResponse added = client(null).addMember(leader,
        AddMemberRequest.newBuilder().setId("n4").setAddress("10.4.0.13:7420").setPriority(3).build()).get();
    assertEquals("n4", added.getMembers(0).getId());
    final TransferOwnershipResponse moved = client(null).transfer(leader,
        TransferOwnershipRequest.newBuilder().setTo("n3").build()).get();
    assertEquals("n3", moved.getOwner());
    assertEquals(List.of("n2: add n4 10.4.0.13:7420 3", "n2: transfer to n3"), calls);
  }

  @Test
  void refusals_keepCodeDescriptionAndTrailers_andNameWhoAnswered() throws Exception {
    final PeerChangeService service = new PeerChangeService("n1");
    final Leader leader = new Leader();
    final Metadata trailers = new Metadata();
    trailers.put(Metadata.Key.of("raftvip-leader", Metadata.ASCII_STRING_MARSHALLER), "n3");
    leader.refusal = Status.FAILED_PRECONDITION.withDescription("cannot add a member here: not the leader;"
        + " leader is n3").asRuntimeException(trailers);
    service.serve(leader);
    final String address = serve(service, null);
    final io.grpc.StatusRuntimeException e = assertInstanceOf(io.grpc.StatusRuntimeException.class,
        failure(client(null).addMember(address, AddMemberRequest.newBuilder().setId("n4").build())));
    assertEquals(Status.Code.FAILED_PRECONDITION, e.getStatus().getCode());
    assertEquals("cannot add a member here: not the leader; leader is n3", e.getStatus().getDescription());
    assertEquals("n3", e.getTrailers().get(Metadata.Key.of("raftvip-leader", Metadata.ASCII_STRING_MARSHALLER)));
    assertEquals("n1", e.getTrailers().get(Metadata.Key.of(PeerChangeService.ANSWERED_BY,
        Metadata.ASCII_STRING_MARSHALLER)));

    leader.refusal = Status.INVALID_ARGUMENT.withDescription("unknown member 'x'").asRuntimeException();
    final io.grpc.StatusRuntimeException thrown = assertInstanceOf(io.grpc.StatusRuntimeException.class,
        failure(client(null).removeMember(address, RemoveMemberRequest.newBuilder().setId("x").build())));
    assertEquals(Status.Code.INVALID_ARGUMENT, thrown.getStatus().getCode(), "a refusal thrown, not returned");
    assertEquals("unknown member 'x'", thrown.getStatus().getDescription());
  }

  @Test
  void aBugAtTheLeader_isInternal_andAStartingLeaderUnavailable() throws Exception {
    final PeerChangeService starting = new PeerChangeService("n1");
    final io.grpc.StatusRuntimeException notYet = assertInstanceOf(io.grpc.StatusRuntimeException.class,
        failure(client(null).addMember(serve(starting, null), AddMemberRequest.getDefaultInstance())));
    assertEquals(Status.Code.UNAVAILABLE, notYet.getStatus().getCode());
    assertEquals("n1 is still starting and takes no changes yet; retry shortly", notYet.getStatus().getDescription());

    final PeerChangeService buggy = new PeerChangeService("n1");
    final Leader leader = new Leader();
    leader.refusal = new IllegalStateException("boom");
    buggy.serve(leader);
    final io.grpc.StatusRuntimeException bug = assertInstanceOf(io.grpc.StatusRuntimeException.class,
        failure(client(null).addMember(serve(buggy, null), AddMemberRequest.getDefaultInstance())));
    assertEquals(Status.Code.INTERNAL, bug.getStatus().getCode());
    assertTrue(bug.getStatus().getDescription().contains("boom"), bug.getStatus().getDescription());
  }

  @Test
  void nobodyListening_isUnreachable_notAnAnswer() throws Exception {
    final int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    final PeerUnreachableException e = assertInstanceOf(PeerUnreachableException.class,
        failure(client(null).addMember("127.0.0.1:" + port, AddMemberRequest.getDefaultInstance())));
    assertEquals("127.0.0.1:" + port, e.address());
    assertFalse(e.timedOut());
    assertTrue(e.getMessage().toLowerCase().contains("refused"), e.getMessage());
  }

  @Test
  void aRaftvipWithoutForwarding_answersUnimplemented() throws Exception {
    final io.grpc.StatusRuntimeException e = assertInstanceOf(io.grpc.StatusRuntimeException.class,
        failure(client(null).transfer(serve(null, null), TransferOwnershipRequest.getDefaultInstance())));
    assertEquals(Status.Code.UNIMPLEMENTED, e.getStatus().getCode());
  }

  @Test
  void withMutualTls_membersForward_aStrangersCertificateIsRefused() throws Exception {
    assumeTrue(TestCertificates.opensslAvailable(), "SKIPPED: no openssl binary to make test certificates");
    final TestCertificates cluster = TestCertificates.create(tmp.resolve("cluster-ca"), "raftvip-cluster-ca");
    final TestCertificates stranger = TestCertificates.create(tmp.resolve("other-ca"), "someone-elses-ca");
    final PeerChangeService service = new PeerChangeService("n1");
    service.serve(new Leader());
    final String address = serve(service, tls(cluster));
    assertEquals("n4", client(tls(cluster)).addMember(address, AddMemberRequest.newBuilder().setId("n4").build())
        .get().getMembers(0).getId());
    final Throwable refused = failure(client(tls(stranger)).addMember(address,
        AddMemberRequest.newBuilder().setId("n5").build()));
    assertInstanceOf(PeerUnreachableException.class, refused, "no answer for a stranger: " + refused);
    assertEquals(List.of("n2: add n4  0"), calls, "the stranger's change never reached the leader");
  }

  private static GrpcTlsConfig tls(TestCertificates c) {
    return new GrpcTlsConfig(c.nodeKey.toFile(), c.nodeCert.toFile(), c.caCert.toFile(), true);
  }
}
