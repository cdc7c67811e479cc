package io.raftvip.ctl;

import io.grpc.ManagedChannel;
import io.raftvip.ctl.output.Output;
import io.raftvip.proto.v1.AdminGrpc;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One invocation's connection and output. The channel is opened on first use, after picocli has
 * filled the {@link GlobalOptions}, and closed when the invocation ends.
 */
final class Session implements AutoCloseable {
  private final GlobalOptions options;
  private final Map<String, String> env;
  private final ChannelOpener opener;
  private final PrintWriter out;
  private ManagedChannel channel;

  Session(GlobalOptions options, Map<String, String> env, ChannelOpener opener, PrintWriter out) {
    this.options = options;
    this.env = env;
    this.opener = opener;
    this.out = out;
  }

  /** The endpoint text: --endpoint, else $RAFTVIP_ENDPOINT, else the default socket. */
  String endpointText() {
    if (options.endpoint != null) {
      return options.endpoint;
    }
    String fromEnv = env.get(Endpoint.ENV);
    return fromEnv == null || fromEnv.isBlank() ? Endpoint.DEFAULT : fromEnv.strip();
  }

  /** The per-request deadline. */
  Duration timeout() {
    return options.timeout;
  }

  /** A stub whose calls carry the --timeout deadline. */
  AdminGrpc.AdminBlockingStub admin() {
    return AdminGrpc.newBlockingStub(channel()).withDeadlineAfter(options.timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A stub without deadline, for {@code watch}, which runs until the server or the user ends it. */
  AdminGrpc.AdminBlockingStub watcher() {
    return AdminGrpc.newBlockingStub(channel());
  }

  /** Standard output in the chosen format. */
  Output output() {
    return new Output(options.output, out);
  }

  private ManagedChannel channel() {
    if (channel == null) {
      channel = opener.open(Endpoint.parse(endpointText()), options.tls());
    }
    return channel;
  }

  /** Closes the channel, if one was opened. */
  @Override
  public void close() {
    if (channel != null) {
      channel.shutdownNow();
      try {
        channel.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
