package io.raftvip.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.Epoll;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.epoll.EpollServerDomainSocketChannel;
import io.grpc.netty.shaded.io.netty.channel.unix.DomainSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Unix-domain-socket round trip through grpc-netty-shaded's epoll transport on both ends:
 * the server is built the way the daemon can build its admin socket.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class UnixSocketRoundTripTest {
  @TempDir
  Path dir;

  private final FakeAdmin admin = new FakeAdmin();
  private EventLoopGroup group;
  private Server server;
  private String endpoint;

  @BeforeAll
  static void needEpoll() {
    if (!Epoll.isAvailable()) {
      String reason = "UnixSocketRoundTripTest needs netty's native epoll (Linux x86_64/aarch64): "
          + Epoll.unavailabilityCause();
      System.err.println("SKIPPED LOUDLY: " + reason);
      Assumptions.abort(reason);
    }
  }

  @BeforeEach
  void start() throws Exception {
    Path socket = dir.resolve("admin.sock");
    group = new EpollEventLoopGroup(1);
    server = NettyServerBuilder.forAddress(new DomainSocketAddress(socket.toString()))
        .channelType(EpollServerDomainSocketChannel.class)
        .bossEventLoopGroup(group)
        .workerEventLoopGroup(group)
        .addService(admin)
        .build()
        .start();
    endpoint = "unix://" + socket;
  }

  @AfterEach
  void stop() throws Exception {
    server.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
  }

  @Test
  void status_overUnixSocket() {
    CtlHarness.Result result = CtlHarness.runReal("--endpoint", endpoint, "status");
    assertEquals(0, result.exitCode(), result.err());
    assertTrue(result.out().startsWith("cluster:        goldentooth-cp\n"), result.out());
  }

  @Test
  void endpointFromEnvironment_overUnixSocket() {
    CtlHarness.Result result = CtlHarness.runReal(Map.of(Endpoint.ENV, endpoint), "owner");
    assertEquals(0, result.exitCode(), result.err());
    assertEquals("allyrion\n", result.out());
  }

  @Test
  void watch_overUnixSocket_streamsUntilServerCloses() {
    CtlHarness.Result result = CtlHarness.runReal("--endpoint", endpoint, "watch");
    assertEquals(0, result.exitCode(), result.err());
    assertEquals(3, result.out().split("\n").length, result.out());
  }

  @Test
  void bareAbsolutePath_isAUnixEndpoint() {
    CtlHarness.Result result = CtlHarness.runReal("--endpoint", endpoint.substring("unix://".length()), "members");
    assertEquals(0, result.exitCode(), result.err());
    assertEquals(MembersCommandTest.TABLE, result.out());
  }
}
