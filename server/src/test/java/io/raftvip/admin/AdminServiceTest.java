package io.raftvip.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status.Code;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.raftvip.proto.v1.AddMemberRequest;
import io.raftvip.proto.v1.AdminGrpc;
import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.EventType;
import io.raftvip.proto.v1.GetStatusRequest;
import io.raftvip.proto.v1.ListMembersRequest;
import io.raftvip.proto.v1.RemoveMemberRequest;
import io.raftvip.proto.v1.TransferOwnershipRequest;
import io.raftvip.proto.v1.WatchRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class AdminServiceTest {

  private static final Instant T0 = Instant.parse("2025-01-02T03:04:05Z");

  private final FakeAdminBackend backend = new FakeAdminBackend();
  private Server server;
  private ManagedChannel channel;
  private AdminGrpc.AdminBlockingStub stub;

  @BeforeEach
  void start() throws Exception {
    String name = InProcessServerBuilder.generateName();
    AdminService service = new AdminService(
        backend, Duration.ofMillis(200), 4, Clock.fixed(T0, ZoneOffset.UTC));
    server = InProcessServerBuilder.forName(name).addService(service).build().start();
    channel = InProcessChannelBuilder.forName(name).build();
    stub = AdminGrpc.newBlockingStub(channel).withDeadlineAfter(20, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void getStatus_returnsBackendView() {
    assertEquals(backend.status(), stub.getStatus(GetStatusRequest.getDefaultInstance()));
  }

  @Test
  void listMembers_returnsBackendMembers() {
    assertEquals(List.of(FakeAdminBackend.N1, FakeAdminBackend.N2),
        stub.listMembers(ListMembersRequest.getDefaultInstance()).getMembersList());
  }

  @Test
  void addMember_passesValidatedRequestAndReturnsMembers() {
    var response = stub.addMember(add("n3", "[fd00::3]:9870", 100));
    assertEquals(2, response.getMembersCount());
    assertEquals(List.of("add n3 [fd00::3]:9870 100"), backend.calls);
  }

  @Test
  void addMember_badId_isInvalidArgumentNamingFieldValueAndRule() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.addMember(add("-n3", "10.213.0.3:9870", 0)));
    assertEquals(Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().startsWith("id '-n3' is invalid: must match"),
        e.getStatus().getDescription());
    assertTrue(backend.calls.isEmpty(), "backend must not see an invalid request");
  }

  @Test
  void addMember_badAddress_isInvalidArgument() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.addMember(add("n3", "10.213.0.3:70000", 0)));
    assertEquals(Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().contains("address '10.213.0.3:70000' is invalid"),
        e.getStatus().getDescription());
    assertTrue(e.getStatus().getDescription().contains("port 1..65535"));
  }

  @Test
  void addMember_badPriority_isInvalidArgument() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.addMember(add("n3", "n3.example:9870", 101)));
    assertEquals(Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().startsWith("priority '101' is invalid: must be 0..100"),
        e.getStatus().getDescription());
  }

  @Test
  void removeMember_onFollower_isFailedPreconditionNamingLeader() {
    backend.changeResult = () -> CompletableFuture.failedFuture(new CompletionException(
        new AdminException(Code.FAILED_PRECONDITION, "not the leader; leader is bettley")));
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.removeMember(RemoveMemberRequest.newBuilder().setId("n2").build()));
    assertEquals(Code.FAILED_PRECONDITION, e.getStatus().getCode());
    assertEquals("not the leader; leader is bettley", e.getStatus().getDescription());
    assertEquals(List.of("remove n2"), backend.calls);
  }

  @Test
  void removeMember_badId_isInvalidArgument() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.removeMember(RemoveMemberRequest.newBuilder().setId("").build()));
    assertEquals(Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().startsWith("id '' is invalid"));
  }

  @Test
  void listMembers_withoutQuorum_isUnavailable() {
    backend.members = () -> {
      throw new AdminException(Code.UNAVAILABLE, "no quorum: 1 of 3 members reachable");
    };
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.listMembers(ListMembersRequest.getDefaultInstance()));
    assertEquals(Code.UNAVAILABLE, e.getStatus().getCode());
    assertEquals("no quorum: 1 of 3 members reachable", e.getStatus().getDescription());
  }

  @Test
  void getStatus_unexpectedException_isInternal() {
    backend.status = () -> {
      throw new IllegalStateException("boom");
    };
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.getStatus(GetStatusRequest.getDefaultInstance()));
    assertEquals(Code.INTERNAL, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().contains("IllegalStateException: boom"));
  }

  @Test
  void transfer_nullFuture_isInternal() {
    backend.transferResult = () -> null;
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.transferOwnership(TransferOwnershipRequest.getDefaultInstance()));
    assertEquals(Code.INTERNAL, e.getStatus().getCode());
  }

  @Test
  void transfer_toBestFollowerOrNamedNode() {
    var response = stub.transferOwnership(TransferOwnershipRequest.getDefaultInstance());
    assertEquals("n2", response.getOwner());
    assertEquals("n1", response.getPreviousOwner());
    stub.transferOwnership(TransferOwnershipRequest.newBuilder().setTo("n2").build());
    assertEquals(List.of("transfer ''", "transfer 'n2'"), backend.calls);
  }

  @Test
  void transfer_badTarget_isInvalidArgumentNamingTo() {
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.transferOwnership(TransferOwnershipRequest.newBuilder().setTo("n 2").build()));
    assertEquals(Code.INVALID_ARGUMENT, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().startsWith("to 'n 2' is invalid"));
  }

  @Test
  void addMember_neverCompleting_isDeadlineExceededAfterServerTimeout() {
    CompletableFuture<List<io.raftvip.proto.v1.Member>> never = new CompletableFuture<>();
    backend.changeResult = () -> never;
    StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
        () -> stub.addMember(add("n3", "10.213.0.3:9870", 0)));
    assertEquals(Code.DEADLINE_EXCEEDED, e.getStatus().getCode());
    assertTrue(e.getStatus().getDescription().startsWith("AddMember did not complete"),
        e.getStatus().getDescription());
    assertTrue(!never.isDone(), "the backend's own future must not be completed by our deadline");
  }

  @Test
  void watch_sendsSnapshotThenEvents_andUnsubscribesOnCancel() throws Exception {
    BlockingQueue<Event> received = new LinkedBlockingQueue<>();
    AtomicReference<ClientCallStreamObserver<WatchRequest>> call = new AtomicReference<>();
    AtomicReference<Throwable> error = new AtomicReference<>();
    AdminGrpc.newStub(channel).watch(WatchRequest.getDefaultInstance(),
        new ClientResponseObserver<WatchRequest, Event>() {
          @Override public void beforeStart(ClientCallStreamObserver<WatchRequest> c) {
            call.set(c);
          }
          @Override public void onNext(Event value) {
            received.add(value);
          }
          @Override public void onError(Throwable t) {
            error.set(t);
          }
          @Override public void onCompleted() { }
        });

    Event snapshot = received.poll(10, TimeUnit.SECONDS);
    assertNotNull(snapshot, "no snapshot within 10 s");
    assertEquals(EventType.EVENT_SNAPSHOT, snapshot.getType());
    assertEquals(backend.status(), snapshot.getStatus());
    assertEquals(T0.getEpochSecond(), snapshot.getAt().getSeconds());
    assertEquals(1, backend.listeners.size());

    Event leader = Event.newBuilder().setType(EventType.EVENT_LEADER_CHANGED).setMessage("n2 leads").build();
    Event owner = Event.newBuilder().setType(EventType.EVENT_OWNER_CHANGED).setMessage("n2 owns").build();
    backend.emit(leader);
    backend.emit(owner);
    assertEquals(leader, received.poll(10, TimeUnit.SECONDS));
    assertEquals(owner, received.poll(10, TimeUnit.SECONDS));

    call.get().cancel("test done", null);
    Polling.await(() -> backend.listeners.isEmpty(), "listener unsubscribed after cancel");
    assertNull(received.poll());
  }

  private static AddMemberRequest add(String id, String address, int priority) {
    return AddMemberRequest.newBuilder().setId(id).setAddress(address).setPriority(priority).build();
  }
}
