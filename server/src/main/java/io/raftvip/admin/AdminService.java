package io.raftvip.admin;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.raftvip.proto.v1.AddMemberRequest;
import io.raftvip.proto.v1.AdminGrpc;
import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.GetStatusRequest;
import io.raftvip.proto.v1.ListMembersRequest;
import io.raftvip.proto.v1.ListMembersResponse;
import io.raftvip.proto.v1.Member;
import io.raftvip.proto.v1.RemoveMemberRequest;
import io.raftvip.proto.v1.Status;
import io.raftvip.proto.v1.TransferOwnershipRequest;
import io.raftvip.proto.v1.TransferOwnershipResponse;
import io.raftvip.proto.v1.WatchRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The raftvip.v1.Admin service over an {@link AdminBackend}: validates requests, bounds every
 * backend future with a server-side deadline and maps failures to gRPC status codes (see
 * {@link AdminException}). A call that times out or is cancelled does not undo a change the
 * backend already started.
 */
public final class AdminService extends AdminGrpc.AdminImplBase {

  /** How long a membership change or transfer may take before the client gets DEADLINE_EXCEEDED. */
  public static final Duration DEFAULT_BACKEND_TIMEOUT = Duration.ofSeconds(30);
  /** Events a watcher may have pending before it is dropped as too slow. */
  public static final int DEFAULT_WATCH_BUFFER = 256;

  private final AdminBackend backend;
  private final Duration backendTimeout;
  private final int watchBuffer;
  private final Clock clock;
  private final Set<WatchStream> watches = ConcurrentHashMap.newKeySet();

  /** A service with the default deadline and watch buffer. */
  public AdminService(AdminBackend backend) {
    this(backend, DEFAULT_BACKEND_TIMEOUT, DEFAULT_WATCH_BUFFER, Clock.systemUTC());
  }

  /**
   * @param backend the running node
   * @param backendTimeout server-side deadline for backend futures
   * @param watchBuffer events a watcher may have pending (not yet accepted by its transport)
   * @param clock stamps snapshot events
   */
  public AdminService(AdminBackend backend, Duration backendTimeout, int watchBuffer, Clock clock) {
    this.backend = Objects.requireNonNull(backend, "backend");
    this.backendTimeout = Objects.requireNonNull(backendTimeout, "backendTimeout");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (backendTimeout.isNegative() || backendTimeout.isZero()) {
      throw new IllegalArgumentException("backendTimeout " + backendTimeout + " must be positive");
    }
    if (watchBuffer < 1) {
      throw new IllegalArgumentException("watchBuffer " + watchBuffer + " must be at least 1");
    }
    this.watchBuffer = watchBuffer;
  }

  @Override
  public void getStatus(GetStatusRequest request, StreamObserver<Status> response) {
    answerNow("GetStatus", backend::status, response);
  }

  @Override
  public void listMembers(
      ListMembersRequest request, StreamObserver<ListMembersResponse> response) {
    answerNow("ListMembers", () -> membersResponse(backend.members()), response);
  }

  @Override
  public void addMember(AddMemberRequest request, StreamObserver<ListMembersResponse> response) {
    answerLater("AddMember", () -> {
      RequestValidator.checkId("id", request.getId());
      RequestValidator.checkAddress("address", request.getAddress());
      RequestValidator.checkPriority("priority", request.getPriority());
      return backend.addMember(request.getId(), request.getAddress(), request.getPriority());
    }, AdminService::membersResponse, response);
  }

  @Override
  public void removeMember(
      RemoveMemberRequest request, StreamObserver<ListMembersResponse> response) {
    answerLater("RemoveMember", () -> {
      RequestValidator.checkId("id", request.getId());
      return backend.removeMember(request.getId());
    }, AdminService::membersResponse, response);
  }

  @Override
  public void transferOwnership(
      TransferOwnershipRequest request, StreamObserver<TransferOwnershipResponse> response) {
    answerLater("TransferOwnership", () -> {
      if (!request.getTo().isEmpty()) {
        RequestValidator.checkId("to", request.getTo());
      }
      return backend.transfer(request.getTo());
    }, Function.identity(), response);
  }

  @Override
  public void watch(WatchRequest request, StreamObserver<Event> response) {
    WatchStream stream = new WatchStream(
        (ServerCallStreamObserver<Event>) response, watchBuffer, clock, watches::remove);
    watches.add(stream);
    stream.start(backend);
  }

  /** Ends every open Watch with UNAVAILABLE so clients reconnect elsewhere; for shutdown. */
  void closeWatches() {
    for (WatchStream stream : List.copyOf(watches)) {
      stream.shutdown();
    }
  }

  /** @return the number of open Watch streams */
  int openWatches() {
    return watches.size();
  }

  private <T> void answerNow(String rpc, Supplier<T> call, StreamObserver<T> response) {
    T result;
    try {
      result = Objects.requireNonNull(call.get(), "backend returned null");
    } catch (StatusRuntimeException refused) {
      response.onError(refused);
      return;
    } catch (RuntimeException e) {
      response.onError(ErrorTranslator.translate(rpc, e, backendTimeout));
      return;
    }
    response.onNext(result);
    response.onCompleted();
  }

  private <B, T> void answerLater(String rpc, Supplier<CompletableFuture<B>> call,
      Function<B, T> toResponse, StreamObserver<T> response) {
    ServerCallStreamObserver<T> serverCall = (ServerCallStreamObserver<T>) response;
    CompletableFuture<B> bounded;
    try {
      CompletableFuture<B> started = Objects.requireNonNull(call.get(), "backend returned null");
      // A copy: the deadline and a client's cancel must not complete the backend's own future.
      bounded = started.copy().orTimeout(backendTimeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (StatusRuntimeException refused) {
      response.onError(refused);
      return;
    } catch (RuntimeException e) {
      response.onError(ErrorTranslator.translate(rpc, e, backendTimeout));
      return;
    }
    serverCall.setOnCancelHandler(() -> bounded.cancel(false));
    bounded.whenComplete((result, failure) -> {
      if (serverCall.isCancelled()) {
        return;
      }
      if (failure != null) {
        response.onError(ErrorTranslator.translate(rpc, failure, backendTimeout));
        return;
      }
      T answer;
      try {
        answer = toResponse.apply(Objects.requireNonNull(result, "backend completed with null"));
      } catch (RuntimeException e) {
        response.onError(ErrorTranslator.translate(rpc, e, backendTimeout));
        return;
      }
      response.onNext(answer);
      response.onCompleted();
    });
  }

  private static ListMembersResponse membersResponse(List<Member> members) {
    return ListMembersResponse.newBuilder().addAllMembers(members).build();
  }
}
