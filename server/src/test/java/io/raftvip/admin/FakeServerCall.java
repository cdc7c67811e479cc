package io.raftvip.admin;

import io.grpc.stub.ServerCallStreamObserver;
import java.util.ArrayList;
import java.util.List;

/** A server call whose readiness and cancellation the test controls; records what was sent. */
final class FakeServerCall<T> extends ServerCallStreamObserver<T> {

  final List<T> sent = new ArrayList<>();
  Throwable error;
  boolean completed;
  boolean ready = true;
  boolean cancelled;
  private Runnable onReady = () -> { };
  private Runnable onCancel = () -> { };

  /** Makes the transport ready again and tells the stream, as gRPC would. */
  void becomeReady() {
    ready = true;
    onReady.run();
  }

  /** The client goes away. */
  void cancel() {
    cancelled = true;
    onCancel.run();
  }

  @Override public boolean isCancelled() {
    return cancelled;
  }

  @Override public void setOnCancelHandler(Runnable handler) {
    onCancel = handler;
  }

  @Override public void setCompression(String compression) { }

  @Override public boolean isReady() {
    return ready;
  }

  @Override public void setOnReadyHandler(Runnable handler) {
    onReady = handler;
  }

  @Override public void request(int count) { }

  @Override public void setMessageCompression(boolean enable) { }

  @Override public void disableAutoInboundFlowControl() { }

  @Override public void onNext(T value) {
    if (error != null || completed) {
      throw new IllegalStateException("onNext after close");
    }
    sent.add(value);
  }

  @Override public void onError(Throwable t) {
    if (error != null || completed) {
      throw new IllegalStateException("closed twice");
    }
    error = t;
  }

  @Override public void onCompleted() {
    completed = true;
  }
}
