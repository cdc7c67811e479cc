package io.raftvip.it;

import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.raftvip.proto.v1.AdminGrpc;
import io.raftvip.proto.v1.GetStatusRequest;
import io.raftvip.proto.v1.Status;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A short-lived admin API client over a daemon's Unix socket (a file: no namespace needed). */
final class AdminStub implements AutoCloseable {

  private final ManagedChannel channel;
  final AdminGrpc.AdminBlockingStub stub;

  AdminStub(Path socket) {
    this.channel = Grpc.newChannelBuilder("unix://" + socket, InsecureChannelCredentials.create()).build();
    this.stub = AdminGrpc.newBlockingStub(channel);
  }

  Status status() {
    return stub.withDeadlineAfter(5, TimeUnit.SECONDS).getStatus(GetStatusRequest.getDefaultInstance());
  }

  @Override
  public void close() {
    channel.shutdownNow();
  }
}
