package io.raftvip.admin;

import io.grpc.Server;
import java.util.concurrent.TimeUnit;

/** One started gRPC server of the admin API and what to release after it stops. */
final class Listener {

  private final String description;
  private final Server server;
  private final Runnable afterTermination;

  /**
   * @param description where it listens, for logs ("unix:/run/raftvip/admin.sock")
   * @param server the started server
   * @param afterTermination releases resources the server does not own (event loops, socket file)
   */
  Listener(String description, Server server, Runnable afterTermination) {
    this.description = description;
    this.server = server;
    this.afterTermination = afterTermination;
  }

  String description() {
    return description;
  }

  Server server() {
    return server;
  }

  void shutdown() {
    server.shutdown();
  }

  /** Waits for running calls until {@code deadlineNanos} (System.nanoTime), then cuts them off. */
  void awaitOrForce(long deadlineNanos) throws InterruptedException {
    long left = deadlineNanos - System.nanoTime();
    if (!server.awaitTermination(Math.max(0, left), TimeUnit.NANOSECONDS)) {
      server.shutdownNow();
      server.awaitTermination(500, TimeUnit.MILLISECONDS);
    }
  }

  void release() {
    afterTermination.run();
  }
}
