package io.raftvip.health;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Takes at most the first bytes of a response body and then cancels the rest: the body only
 * serves to explain a failure, and an endless or huge body must cost neither time nor memory.
 */
final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

  private final int limit;
  private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private volatile Flow.Subscription subscription;

  BoundedBody(int limit) {
    this.limit = limit;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    this.subscription = subscription;
    subscription.request(1);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    synchronized (kept) {
      for (ByteBuffer buffer : buffers) {
        int take = Math.min(buffer.remaining(), limit - kept.size());
        byte[] bytes = new byte[take];
        buffer.get(bytes);
        kept.write(bytes, 0, take);
      }
      if (kept.size() >= limit) {
        body.complete(kept.toByteArray());
        subscription.cancel();
        return;
      }
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable failure) {
    body.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    synchronized (kept) {
      body.complete(kept.toByteArray());
    }
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }

  /** Stops reading (the check gave up waiting). */
  void cancel() {
    Flow.Subscription s = subscription;
    if (s != null) {
      s.cancel();
    }
  }
}
