package io.raftvip.admin;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.EventType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Watch call: a snapshot event, then every backend event, sent only while the transport is
 * ready. Events wait in a bounded queue meanwhile; a watcher that lets it overflow is dropped with
 * RESOURCE_EXHAUSTED, so one stuck client cannot grow the daemon's memory or slow the backend.
 *
 * <p>All calls on the stream observer happen under {@code lock}: events arrive on the backend's
 * thread, readiness and cancellation on gRPC's. Backend calls are never made under the lock, so a
 * backend that delivers events while holding its own lock cannot deadlock with us.
 */
final class WatchStream implements Consumer<Event> {

  private static final Logger LOG = LoggerFactory.getLogger(WatchStream.class);

  private final ServerCallStreamObserver<Event> call;
  private final int capacity;
  private final Clock clock;
  private final Consumer<WatchStream> onClosed;
  private final Object lock = new Object();
  private final ArrayDeque<Event> pending = new ArrayDeque<>();
  private boolean snapshotQueued;
  private boolean closed;
  private AutoCloseable subscription;

  WatchStream(ServerCallStreamObserver<Event> call, int capacity, Clock clock,
      Consumer<WatchStream> onClosed) {
    this.call = call;
    this.capacity = capacity;
    this.clock = clock;
    this.onClosed = onClosed;
  }

  /** Subscribes, then queues the snapshot ahead of any event that raced with it. */
  void start(AdminBackend backend) {
    call.setOnCancelHandler(() -> end(null));
    call.setOnReadyHandler(this::drain);
    AutoCloseable handle;
    io.raftvip.proto.v1.Status status;
    try {
      handle = backend.subscribe(this);
    } catch (RuntimeException e) {
      end(ErrorTranslator.translate("Watch", e, Duration.ZERO));
      return;
    }
    synchronized (lock) {
      if (!closed) {
        subscription = handle;
        handle = null;
      }
    }
    if (handle != null) {
      unsubscribe(handle); // the client left while we subscribed
      return;
    }
    try {
      status = backend.status();
    } catch (RuntimeException e) {
      end(ErrorTranslator.translate("Watch", e, Duration.ZERO));
      return;
    }
    Instant now = clock.instant();
    Event snapshot = Event.newBuilder()
        .setAt(Timestamp.newBuilder().setSeconds(now.getEpochSecond()).setNanos(now.getNano()))
        .setType(EventType.EVENT_SNAPSHOT)
        .setMessage("snapshot of " + status.getNode() + "'s view")
        .setStatus(status)
        .build();
    synchronized (lock) {
      if (closed) {
        return;
      }
      // Events that raced with status() may repeat what the snapshot shows; none is lost.
      pending.addFirst(snapshot);
      snapshotQueued = true;
      drainLocked();
    }
  }

  /** Receives a backend event; never blocks beyond a short lock. */
  @Override
  public void accept(Event event) {
    boolean overflow;
    synchronized (lock) {
      if (closed) {
        return;
      }
      pending.addLast(event);
      overflow = pending.size() > capacity;
      if (!overflow) {
        drainLocked();
      }
    }
    if (overflow) {
      LOG.warn("admin: dropping a Watch client that fell {} events behind", capacity);
      end(Status.RESOURCE_EXHAUSTED
          .withDescription("watcher too slow: more than " + capacity
              + " events pending; reconnect to get a fresh snapshot")
          .asRuntimeException());
    }
  }

  /** Ends the stream with UNAVAILABLE because the server is shutting down. */
  void shutdown() {
    end(Status.UNAVAILABLE.withDescription("admin server is shutting down").asRuntimeException());
  }

  private void drain() {
    synchronized (lock) {
      drainLocked();
    }
  }

  private void drainLocked() {
    while (!closed && snapshotQueued && !pending.isEmpty() && call.isReady()) {
      call.onNext(pending.pollFirst());
    }
  }

  /** Ends once: sends {@code error} unless the client already left, then unsubscribes. */
  private void end(StatusRuntimeException error) {
    AutoCloseable handle;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      pending.clear();
      if (error != null && !call.isCancelled()) {
        call.onError(error);
      }
      handle = subscription;
      subscription = null;
    }
    if (handle != null) {
      unsubscribe(handle);
    }
    onClosed.accept(this);
  }

  private static void unsubscribe(AutoCloseable handle) {
    try {
      handle.close();
    } catch (Exception e) {
      LOG.warn("admin: unsubscribing a Watch listener failed", e);
    }
  }
}
