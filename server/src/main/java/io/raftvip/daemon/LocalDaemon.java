package io.raftvip.daemon;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.raftvip.proto.v1.AdminGrpc;
import io.raftvip.proto.v1.GetStatusRequest;
import io.raftvip.proto.v1.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Asks the daemon running on this host, over its admin socket, for its status: {@code raftvip
 * check} compares the file's peers with the membership it reports.
 */
final class LocalDaemon {

  /** The daemon did not answer; the message says why, for "could not compare: ...". */
  static final class NotAnswering extends Exception {
    private static final long serialVersionUID = 1L;

    NotAnswering(String message) {
      super(message);
    }
  }

  private LocalDaemon() {
  }

  /**
   * @param socket the admin socket from the configuration
   * @return the daemon's status
   * @throws NotAnswering when no daemon answers there in time
   */
  static Status status(Path socket, Duration timeout) throws NotAnswering {
    if (!Files.exists(socket)) {
      // Before gRPC: `check` runs before every start (ExecStartPre), when no daemon runs.
      throw new NotAnswering("no daemon is running here (there is no admin socket " + socket + ")");
    }
    final ManagedChannel channel = Grpc.newChannelBuilder("unix://" + socket.toAbsolutePath(),
        InsecureChannelCredentials.create()).build();
    try {
      return AdminGrpc.newBlockingStub(channel).withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .getStatus(GetStatusRequest.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      final Throwable cause = e.getStatus().getCause();
      final String why = cause != null && cause.getMessage() != null ? cause.getMessage()
          : e.getStatus().getCode() + (e.getStatus().getDescription() == null ? "" : ": " + e.getStatus().getDescription());
      throw new NotAnswering("the daemon does not answer on " + socket + " (" + why + "; is it running? may this"
          + " user use the socket: root or its group?)");
    } finally {
      channel.shutdownNow();
    }
  }
}
