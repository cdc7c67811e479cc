package io.raftvip.it;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.raftvip.proto.v1.AdminGrpc;
import io.raftvip.proto.v1.GetStatusRequest;
import io.raftvip.proto.v1.Status;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * gRPC channels to the daemons' admin sockets, one per node, opened on first use. The sockets
 * are files on the shared filesystem, so the test JVM reaches them without entering a namespace.
 * Uses the generated stub directly: the server module must not depend on the client module.
 */
final class AdminChannels implements AutoCloseable {

  private final Function<String, Path> socketOf;
  private final Map<String, ManagedChannel> channels = new LinkedHashMap<>();

  AdminChannels(Function<String, Path> socketOf) {
    this.socketOf = socketOf;
  }

  /** @return a blocking stub for node {@code id} with a deadline of {@code deadline} per call */
  AdminGrpc.AdminBlockingStub blocking(String id, Duration deadline) {
    return AdminGrpc.newBlockingStub(channel(id)).withDeadlineAfter(deadline.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** @return an asynchronous stub for node {@code id} (for Watch), without a deadline */
  AdminGrpc.AdminStub async(String id) {
    return AdminGrpc.newStub(channel(id));
  }

  /** @return node {@code id}'s status, or null while its admin API does not answer (starting) */
  Status statusOrNull(String id) {
    try {
      return blocking(id, Duration.ofSeconds(2)).getStatus(GetStatusRequest.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      return null;
    }
  }

  private synchronized ManagedChannel channel(String id) {
    return channels.computeIfAbsent(id, n -> Grpc.newChannelBuilder("unix://" + socketOf.apply(n),
        InsecureChannelCredentials.create()).build());
  }

  @Override
  public synchronized void close() throws InterruptedException {
    for (ManagedChannel c : channels.values()) {
      c.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
    channels.clear();
  }
}
