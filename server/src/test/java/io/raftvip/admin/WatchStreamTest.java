package io.raftvip.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.Status.Code;
import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.EventType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class WatchStreamTest {

  private final FakeAdminBackend backend = new FakeAdminBackend();
  private final FakeServerCall<Event> call = new FakeServerCall<>();
  private final List<WatchStream> closed = new ArrayList<>();
  private final WatchStream stream = new WatchStream(
      call, 3, Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), closed::add);

  @Test
  void notReady_buffersUntilReady_thenSendsSnapshotFirst() {
    call.ready = false;
    stream.start(backend);
    backend.emit(event("a"));
    assertTrue(call.sent.isEmpty(), "nothing may be sent while the transport is not ready");

    call.becomeReady();

    assertEquals(List.of(EventType.EVENT_SNAPSHOT, EventType.EVENT_OWNER_CHANGED),
        call.sent.stream().map(Event::getType).toList());
    backend.emit(event("b"));
    assertEquals("b", call.sent.get(2).getMessage());
  }

  @Test
  void slowWatcher_overflowingBuffer_isDroppedWithResourceExhausted() {
    call.ready = false;
    stream.start(backend); // the snapshot takes one of the 3 slots
    backend.emit(event("a"));
    backend.emit(event("b"));
    assertNull(call.error, "exactly full is still fine");

    backend.emit(event("c"));

    assertEquals(Code.RESOURCE_EXHAUSTED, Status.fromThrowable(call.error).getCode());
    assertTrue(backend.listeners.isEmpty(), "a dropped watcher must unsubscribe");
    assertEquals(List.of(stream), closed);
    call.becomeReady();
    assertTrue(call.sent.isEmpty(), "nothing is sent after the stream was dropped");
  }

  @Test
  void cancel_unsubscribesAndIgnoresLaterEvents() {
    stream.start(backend);
    call.cancel();
    assertTrue(backend.listeners.isEmpty());
    assertNull(call.error, "a cancelled call is not closed again");
    stream.accept(event("late"));
    assertEquals(1, call.sent.size());
    assertEquals(List.of(stream), closed);
  }

  @Test
  void shutdown_endsWithUnavailable() {
    stream.start(backend);
    stream.shutdown();
    assertEquals(Code.UNAVAILABLE, Status.fromThrowable(call.error).getCode());
    assertTrue(backend.listeners.isEmpty());
  }

  @Test
  void statusFailure_endsWithItsCodeAndUnsubscribes() {
    backend.status = () -> {
      throw new AdminException(Code.UNAVAILABLE, "starting up");
    };
    stream.start(backend);
    assertEquals(Code.UNAVAILABLE, Status.fromThrowable(call.error).getCode());
    assertTrue(backend.listeners.isEmpty());
    assertEquals(List.of(stream), closed);
  }

  private static Event event(String message) {
    return Event.newBuilder().setType(EventType.EVENT_OWNER_CHANGED).setMessage(message).build();
  }
}
