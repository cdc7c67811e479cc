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

/** The optional TCP listener: mutual TLS off loopback, plaintext refused there. */
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
    if (!TestCertificates.opensslAvailable()) {
      System.err.println("SKIPPED AdminServerTcpTest.mutualTls: no openssl binary on PATH to make test certificates");
      Assumptions.abort("no openssl binary on PATH to make test certificates");
    }
    TestCertificates certs = TestCertificates.create(dir.resolve("pki"), "raftvip test CA");
    TestCertificates stranger = TestCertificates.create(dir.resolve("other-pki"), "some other CA");
    AdminServer server = AdminServer.start(backend, dir.resolve("admin.sock"), "127.0.0.1", 0,
        new TlsFiles(certs.serverCert, certs.serverKey, certs.caCert));
    toClose.add(server);
    InetSocketAddress tcp = server.tcpAddress().orElseThrow();

    ChannelCredentials withCert = TlsChannelCredentials.newBuilder()
        .keyManager(certs.clientCert.toFile(), certs.clientKey.toFile())
        .trustManager(certs.caCert.toFile())
        .build();
    assertEquals("n2", stub(tcp, withCert)
        .transferOwnership(TransferOwnershipRequest.getDefaultInstance()).getOwner());

    ChannelCredentials noCert = TlsChannelCredentials.newBuilder()
        .trustManager(certs.caCert.toFile())
        .build();
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub(tcp, noCert).transferOwnership(TransferOwnershipRequest.getDefaultInstance()));
    assertEquals(Code.UNAVAILABLE, e.getStatus().getCode(), e.toString());

    ChannelCredentials foreignCert = TlsChannelCredentials.newBuilder()
        .keyManager(stranger.clientCert.toFile(), stranger.clientKey.toFile())
        .trustManager(certs.caCert.toFile())
        .build();
    e = assertThrows(StatusRuntimeException.class,
        () -> stub(tcp, foreignCert).transferOwnership(TransferOwnershipRequest.getDefaultInstance()));
    assertEquals(Code.UNAVAILABLE, e.getStatus().getCode(), e.toString());
    assertEquals(List.of("transfer ''"), backend.calls, "only the authenticated call reached the backend");
  }

  @Test
  void missingTlsFile_failsNamingTheKey_andRemovesTheSocket() {
    Path socket = dir.resolve("admin.sock");
    Path missing = dir.resolve("nope.crt");
    Exception e = assertThrows(java.io.IOException.class, () -> AdminServer.start(backend, socket,
        "127.0.0.1", 0, new TlsFiles(missing, missing, missing)));
    assertEquals("admin.tls.cert " + missing + ": no such file", e.getMessage());
    assertFalse(Files.exists(socket), "the socket listener started first must be cleaned up");
  }

  private AdminGrpc.AdminBlockingStub stub(InetSocketAddress tcp, ChannelCredentials credentials) {
    ManagedChannel channel = Grpc.newChannelBuilderForAddress(
        "localhost", tcp.getPort(), credentials).build();
    toClose.add(() -> channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
    return AdminGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
  }
}
