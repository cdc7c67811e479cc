package io.raftvip.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.Status.Code;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.reflection.v1.ServiceResponse;
import io.grpc.stub.StreamObserver;
import io.raftvip.proto.v1.AdminGrpc;
import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.GetStatusRequest;
import io.raftvip.proto.v1.WatchRequest;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The real thing over a Unix domain socket in a temporary directory. No root needed. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdminServerUnixSocketTest {

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
  void servesAdminHealthAndReflection_onA0660Socket_andRemovesItOnClose() throws Exception {
    Path socket = dir.resolve("run/raftvip/admin.sock");
    AdminServer server = AdminServer.start(backend, socket, null, 0, null);
    toClose.add(server);

    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
    assertEquals(0140000, (Integer) Files.getAttribute(socket, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 0170000,
        "must be a socket");
    assertTrue(server.tcpAddress().isEmpty());

    ManagedChannel channel = channel(socket);
    assertEquals(backend.status(),
        AdminGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS)
            .getStatus(GetStatusRequest.getDefaultInstance()));
    HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    assertEquals(ServingStatus.SERVING, health.check(HealthCheckRequest.getDefaultInstance()).getStatus());
    assertEquals(ServingStatus.SERVING,
        health.check(HealthCheckRequest.newBuilder().setService("raftvip.v1.Admin").build()).getStatus());
    assertTrue(reflectedServices(channel).contains("raftvip.v1.Admin"));

    server.close();
    assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS), "close must remove the socket file");
  }

  @Test
  void staleSocketFile_isReplaced() throws Exception {
    Path socket = dir.resolve("admin.sock");
    try (ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      dead.bind(UnixDomainSocketAddress.of(socket));
    }
    assertTrue(Files.exists(socket), "the JDK leaves the file behind, like a killed daemon");

    AdminServer server = AdminServer.start(backend, socket, null, 0, null);
    toClose.add(server);

    assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
    assertEquals("n1", AdminGrpc.newBlockingStub(channel(socket)).withDeadlineAfter(10, TimeUnit.SECONDS)
        .getStatus(GetStatusRequest.getDefaultInstance()).getNode());
  }

  @Test
  void liveSocket_secondServerFailsClearly_andFirstKeepsServing() throws Exception {
    Path socket = dir.resolve("admin.sock");
    AdminServer first = AdminServer.start(backend, socket, null, 0, null);
    toClose.add(first);

    IOException e = assertThrows(IOException.class,
        () -> AdminServer.start(new FakeAdminBackend(), socket, null, 0, null));

    assertTrue(e.getMessage().contains("is in use: another admin server answers on it"), e.getMessage());
    assertTrue(Files.exists(socket, LinkOption.NOFOLLOW_LINKS), "the live server's socket must stay");
    assertEquals("n1", AdminGrpc.newBlockingStub(channel(socket)).withDeadlineAfter(10, TimeUnit.SECONDS)
        .getStatus(GetStatusRequest.getDefaultInstance()).getNode());
  }

  @Test
  void regularFileInTheWay_isRefusedAndKept() throws Exception {
    Path socket = dir.resolve("admin.sock");
    Files.writeString(socket, "not a socket");

    IOException e = assertThrows(IOException.class, () -> AdminServer.start(backend, socket, null, 0, null));

    assertTrue(e.getMessage().contains("exists and is not a socket"), e.getMessage());
    assertEquals("not a socket", Files.readString(socket));
  }

  @Test
  void close_endsOpenWatchWithUnavailable_andUnsubscribes() throws Exception {
    Path socket = dir.resolve("admin.sock");
    AdminServer server = AdminServer.start(backend, socket, null, 0, null);
    toClose.add(server);
    CompletableFuture<Status> end = openWatch(socket);

    server.close();

    assertEquals(Code.UNAVAILABLE, end.get(10, TimeUnit.SECONDS).getCode());
    assertTrue(backend.listeners.isEmpty());
  }

  @Test
  void stopAccepting_endsWatches_andRefusesNewCalls() throws Exception {
    Path socket = dir.resolve("admin.sock");
    AdminServer server = AdminServer.start(backend, socket, null, 0, null);
    toClose.add(server);
    CompletableFuture<Status> end = openWatch(socket);

    server.stopAccepting();

    assertEquals(Code.UNAVAILABLE, end.get(10, TimeUnit.SECONDS).getCode());
    io.grpc.StatusRuntimeException refused = assertThrows(io.grpc.StatusRuntimeException.class,
        () -> AdminGrpc.newBlockingStub(channel(socket)).withDeadlineAfter(10, TimeUnit.SECONDS)
            .getStatus(GetStatusRequest.getDefaultInstance()));
    assertEquals(Code.UNAVAILABLE, refused.getStatus().getCode());
  }

  /** Opens a Watch and waits for its first snapshot; @return completes with the stream's end status */
  private CompletableFuture<Status> openWatch(Path socket) throws InterruptedException {
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    CompletableFuture<Status> end = new CompletableFuture<>();
    AdminGrpc.newStub(channel(socket)).watch(WatchRequest.getDefaultInstance(), new StreamObserver<>() {
      @Override public void onNext(Event value) {
        events.add(value);
      }
      @Override public void onError(Throwable t) {
        end.complete(Status.fromThrowable(t));
      }
      @Override public void onCompleted() {
        end.complete(Status.OK);
      }
    });
    assertNotNull(events.poll(10, TimeUnit.SECONDS), "no snapshot within 10 s");
    return end;
  }

  private ManagedChannel channel(Path socket) {
    ManagedChannel channel = Grpc.newChannelBuilder("unix://" + socket, InsecureChannelCredentials.create())
        .build();
    toClose.add(() -> channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
    return channel;
  }

  private static List<String> reflectedServices(ManagedChannel channel) throws Exception {
    CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
        .withDeadlineAfter(10, TimeUnit.SECONDS)
        .serverReflectionInfo(new StreamObserver<>() {
          @Override public void onNext(ServerReflectionResponse value) {
            answer.complete(value);
          }
          @Override public void onError(Throwable t) {
            answer.completeExceptionally(t);
          }
          @Override public void onCompleted() { }
        });
    requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
    List<String> names = answer.get(10, TimeUnit.SECONDS).getListServicesResponse().getServiceList()
        .stream().map(ServiceResponse::getName).toList();
    requests.onCompleted();
    return names;
  }
}
