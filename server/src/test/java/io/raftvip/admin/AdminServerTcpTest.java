package io.raftvip.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.raftvip.proto.v1.AdminGrpc;
import io.raftvip.proto.v1.GetStatusRequest;
import io.raftvip.proto.v1.TransferOwnershipRequest;
import io.raftvip.testing.TestCertificates;
import io.raftvip.tls.NodeTls;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The optional TCP listener: mutual TLS off loopback, plaintext refused there; with TLS, reads for
 * every client the CA signed and changes only for admin.allow.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdminServerTcpTest {

  @TempDir
  Path dir;

  private final FakeAdminBackend backend = new FakeAdminBackend();
  private final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
  }

  @Test
  void plaintextOffLoopback_isRefusedBeforeAnythingStarts() {
    Path socket = dir.resolve("sub/admin.sock");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> AdminServer.start(backend, socket, "0.0.0.0", 7421, null));
    assertEquals("admin.listen 0.0.0.0:7421 without admin.tls would let anyone change membership;"
        + " add admin.tls or listen on 127.0.0.1", e.getMessage());
    assertFalse(Files.exists(socket.getParent()), "a refused config must leave nothing behind");
  }

  @Test
  void plaintextOnLoopback_isServed() throws Exception {
    AdminServer server = AdminServer.start(backend, dir.resolve("admin.sock"), "127.0.0.1", 0, null);
    toClose.add(server);
    InetSocketAddress tcp = server.tcpAddress().orElseThrow();
    assertTrue(tcp.getAddress().isLoopbackAddress());

    assertEquals("n1", stub(tcp, InsecureChannelCredentials.create())
        .getStatus(GetStatusRequest.getDefaultInstance()).getNode());
  }

  @Test
  void mutualTls_acceptsClientWithCertificate_rejectsClientWithout() throws Exception {
    TestCertificates certs = certificates("pki", "raftvip test CA");
    TestCertificates stranger = TestCertificates.create(dir.resolve("other-pki"), "some other CA");
    InetSocketAddress tcp = startTls(certs, List.of("raftvip-test-client"));

    ChannelCredentials withCert = credentials(certs, certs);
    assertEquals("n2", stub(tcp, withCert)
        .transferOwnership(TransferOwnershipRequest.getDefaultInstance()).getOwner());

    ChannelCredentials noCert = TlsChannelCredentials.newBuilder()
        .trustManager(certs.caCert.toFile())
        .build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub(tcp, noCert).transferOwnership(TransferOwnershipRequest.getDefaultInstance()));
    assertEquals(Code.UNAVAILABLE, e.getStatus().getCode(), e.toString());

    ChannelCredentials foreignCert = credentials(stranger, certs);
    e = assertThrows(StatusRuntimeException.class,
        () -> stub(tcp, foreignCert).transferOwnership(TransferOwnershipRequest.getDefaultInstance()));
    assertEquals(Code.UNAVAILABLE, e.getStatus().getCode(), e.toString());
    assertEquals(List.of("transfer ''"), backend.calls, "only the authenticated call reached the backend");
  }

  @Test
  void clientNotOnTheAllowList_readsButCannotChange_andIsToldWhichKeyToSet() throws Exception {
    TestCertificates certs = certificates("pki", "raftvip test CA");
    InetSocketAddress tcp = startTls(certs, List.of("ops-laptop"));
    AdminGrpc.AdminBlockingStub client = stub(tcp, credentials(certs, certs));

    assertEquals("n1", client.getStatus(GetStatusRequest.getDefaultInstance()).getNode());
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> client.transferOwnership(TransferOwnershipRequest.getDefaultInstance()));

    assertEquals(Code.PERMISSION_DENIED, e.getStatus().getCode(), e.toString());
    assertEquals("TransferOwnership is a change, and only client identities on this node's admin.allow may"
        + " make changes over TCP; this client's certificate (subject CN=raftvip-test-client, no subject"
        + " alternative names) carries none of admin.allow [ops-laptop]. Add one of its names"
        + " (raftvip-test-client) to admin.allow in the node's configuration and reload (systemctl reload"
        + " raftvip), or run the command on a node through its Unix socket", e.getStatus().getDescription());
    assertEquals(List.of(), backend.calls, "the refused change never reached the backend");
  }

  @Test
  void emptyAllowList_letsNobodyChange_overTcp() throws Exception {
    TestCertificates certs = certificates("pki", "raftvip test CA");
    InetSocketAddress tcp = startTls(certs, List.of());

    StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> stub(tcp, credentials(certs, certs))
        .removeMember(io.raftvip.proto.v1.RemoveMemberRequest.newBuilder().setId("n3").build()));

    assertEquals(Code.PERMISSION_DENIED, e.getStatus().getCode(), e.toString());
    assertTrue(e.getStatus().getDescription().startsWith("RemoveMember is a change,"), e.toString());
    assertTrue(e.getStatus().getDescription().contains("carries none of them (admin.allow is empty: nobody may)"),
        e.toString());
  }

  @Test
  void allowListReplaced_appliesToTheNextCall() throws Exception {
    TestCertificates certs = certificates("pki", "raftvip test CA");
    AllowList allow = new AllowList(List.of());
    InetSocketAddress tcp = startTls(certs, allow);
    AdminGrpc.AdminBlockingStub client = stub(tcp, credentials(certs, certs));
    assertThrows(StatusRuntimeException.class,
        () -> client.transferOwnership(TransferOwnershipRequest.getDefaultInstance()));

    allow.replace(List.of("raftvip-test-client"));

    assertEquals("n2", client.transferOwnership(TransferOwnershipRequest.getDefaultInstance()).getOwner());
  }

  private TestCertificates certificates(String name, String caName) throws Exception {
    if (!TestCertificates.opensslAvailable()) {
      System.err.println("SKIPPED AdminServerTcpTest TLS: no openssl binary on PATH to make test certificates");
      Assumptions.abort("no openssl binary on PATH to make test certificates");
    }
    return TestCertificates.create(dir.resolve(name), caName);
  }

  private InetSocketAddress startTls(TestCertificates certs, List<String> allow) throws Exception {
    return startTls(certs, new AllowList(allow));
  }

  private InetSocketAddress startTls(TestCertificates certs, AllowList allow) throws Exception {
    NodeTls tls = certs.tls(certs.serverCert, certs.serverKey);
    AdminServer server = AdminServer.start(backend, dir.resolve("admin.sock"), "127.0.0.1", 0,
        new AdminTls(tls.keyManager(), tls.trustManager(), "client CA " + certs.caCert, allow));
    toClose.add(server);
    return server.tcpAddress().orElseThrow();
  }

  private static ChannelCredentials credentials(TestCertificates client, TestCertificates serverCa)
      throws java.io.IOException {
    return TlsChannelCredentials.newBuilder()
        .keyManager(client.clientCert.toFile(), client.clientKey.toFile())
        .trustManager(serverCa.caCert.toFile())
        .build();
  }

  private AdminGrpc.AdminBlockingStub stub(InetSocketAddress tcp, ChannelCredentials credentials) {
    ManagedChannel channel = Grpc.newChannelBuilderForAddress(
        "localhost", tcp.getPort(), credentials).build();
    toClose.add(() -> channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
    return AdminGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }
}
