package io.raftvip.admin;

import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.ChannelOption;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import io.grpc.netty.shaded.io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Starts the admin API on a Unix domain socket (netty epoll), the default and local way in. */
final class UnixSocketListener {

  private UnixSocketListener() {}

  /**
   * Prepares the socket file, binds, restricts the file to 0660 and returns the listener; its
   * release shuts the event loops down and removes the file.
   */
  static Listener start(SocketFile socket, Consumer<ServerBuilder<?>> services) throws IOException {
    if (!Epoll.isAvailable()) {
      throw new IOException("admin socket " + socket.path()
          + ": netty's epoll transport is unavailable here: " + Epoll.unavailabilityCause(),
          Epoll.unavailabilityCause());
    }
    socket.prepare();
    // Daemon threads: a stuck shutdown must not keep the JVM alive.
    EventLoopGroup boss =
        new EpollEventLoopGroup(1, new DefaultThreadFactory("raftvip-admin-uds-boss", true));
    EventLoopGroup worker =
        new EpollEventLoopGroup(1, new DefaultThreadFactory("raftvip-admin-uds", true));
    Runnable stopLoops = () -> {
      boss.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(1, TimeUnit.SECONDS);
      worker.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(1, TimeUnit.SECONDS);
    };
    NettyServerBuilder builder = NettyServerBuilder
        .forAddress(new DomainSocketAddress(socket.path().toString()))
        .channelType(EpollServerDomainSocketChannel.class)
        .bossEventLoopGroup(boss)
        .workerEventLoopGroup(worker)
        // gRPC sets TCP keepalive on every child; a null removes it, as netty would otherwise log
        // "Unknown channel option 'SO_KEEPALIVE'" at WARN for every connection to the socket.
        .withChildOption(ChannelOption.SO_KEEPALIVE, null);
    services.accept(builder);
    Server server;
    try {
      server = builder.build().start();
    } catch (IOException e) {
      stopLoops.run();
      throw new IOException(
          "admin socket " + socket.path() + ": bind failed: " + e.getMessage(), e);
    }
    try {
      socket.restrict();
    } catch (IOException e) {
      server.shutdownNow();
      stopLoops.run();
      socket.remove();
      throw new IOException("admin socket " + socket.path() + ": chmod 0660 failed: " + e, e);
    }
    return new Listener("unix:" + socket.path(), server, () -> {
      stopLoops.run();
      socket.remove();
    });
  }
}
