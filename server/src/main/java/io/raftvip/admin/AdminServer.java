package io.raftvip.admin;

import io.grpc.ServerBuilder;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.raftvip.proto.v1.AdminGrpc;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running admin API: raftvip.v1.Admin, grpc.health.v1.Health (SERVING for "" and
 * "raftvip.v1.Admin") and server reflection, on a Unix domain socket and optionally on TCP.
 *
 * <p>Security rule: nothing unauthenticated may change membership or move the VIP. The socket
 * file is mode 0660 (its group may administer the node) in a directory created 0750; a TCP
 * listener requires mutual TLS unless it is bound to loopback, and with TLS only client
 * identities on {@code admin.allow} may make changes through it.
 */
public final class AdminServer implements AutoCloseable {

  /** Where the daemon listens unless admin.socket says otherwise. */
  public static final Path DEFAULT_SOCKET = Path.of("/run/raftvip/admin.sock");

  private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
  private static final long CLOSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1500);

  private final AdminService service;
  private final HealthStatusManager health;
  private final List<Listener> listeners;
  private final Path socket;
  private boolean closed;
  private boolean stoppedAccepting;

  private AdminServer(AdminService service, HealthStatusManager health, List<Listener> listeners,
      Path socket) {
    this.service = service;
    this.health = health;
    this.listeners = listeners;
    this.socket = socket;
  }

  /**
   * Starts the admin API.
   *
   * @param backend the running node
   * @param socket the Unix domain socket path, e.g. {@link #DEFAULT_SOCKET}
   * @param tcpHostOrNull the TCP listen host, or null for no TCP listener
   * @param tcpPort the TCP port (0 = any free port); ignored without a host
   * @param tlsOrNull mutual TLS and the change allow-list for the TCP listener; required unless the
   *     host is loopback
   * @return the started server; close it to stop
   * @throws IllegalArgumentException for a config that must be refused (plaintext TCP off
   *     loopback, bad port, unknown host)
   * @throws IOException when a listener cannot start (socket in use, bind failure); nothing is
   *     left running or on disk
   */
  public static AdminServer start(AdminBackend backend, Path socket, String tcpHostOrNull,
      int tcpPort, AdminTls tlsOrNull) throws IOException {
    return start(new AdminService(backend), socket, tcpHostOrNull, tcpPort, tlsOrNull);
  }

  /** As {@link #start(AdminBackend, Path, String, int, AdminTls)} with a configured service. */
  static AdminServer start(AdminService service, Path socket, String tcpHostOrNull, int tcpPort,
      AdminTls tlsOrNull) throws IOException {
    Objects.requireNonNull(socket, "socket");
    InetSocketAddress tcp = tcpHostOrNull == null ? null
        : TcpListener.checkExposure(tcpHostOrNull, tcpPort, tlsOrNull);
    HealthStatusManager health = new HealthStatusManager();
    health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, ServingStatus.SERVING);
    health.setStatus(AdminGrpc.SERVICE_NAME, ServingStatus.SERVING);
    Consumer<ServerBuilder<?>> services = builder -> builder
        .addService(service)
        .addService(health.getHealthService())
        .addService(ProtoReflectionServiceV1.newInstance());
    List<Listener> started = new ArrayList<>();
    SocketFile socketFile = new SocketFile(socket);
    AdminServer server = new AdminServer(service, health, started, socketFile.path());
    try {
      started.add(UnixSocketListener.start(socketFile, services));
      if (tcp != null) {
        started.add(TcpListener.start(tcp, tlsOrNull, services));
      }
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
    for (Listener listener : started) {
      LOG.info("admin: serving {}, health and reflection on {}", AdminGrpc.SERVICE_NAME,
          listener.description());
    }
    return server;
  }

  /** @return the absolute path of the Unix domain socket */
  public Path socket() {
    return socket;
  }

  /** @return the bound TCP address (the real port when 0 was asked for), if TCP is enabled */
  public Optional<InetSocketAddress> tcpAddress() {
    return listeners.stream()
        .skip(1)
        .flatMap(l -> l.server().getListenSockets().stream())
        .filter(InetSocketAddress.class::isInstance)
        .map(InetSocketAddress.class::cast)
        .findFirst();
  }

  /**
   * Stops taking new calls and ends open Watch streams with UNAVAILABLE, without waiting: the
   * daemon's shutdown calls this first and hands ownership over while running calls finish.
   * Idempotent.
   */
  public synchronized void stopAccepting() {
    if (stoppedAccepting) {
      return;
    }
    stoppedAccepting = true;
    health.enterTerminalState();
    service.closeWatches();
    listeners.forEach(Listener::shutdown);
  }

  /**
   * Stops within about two seconds: as {@link #stopAccepting()}, then running calls get until
   * the deadline and are cut off; the socket file is removed. Idempotent.
   */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    stopAccepting();
    long deadline = System.nanoTime() + CLOSE_NANOS;
    try {
      for (Listener listener : listeners) {
        listener.awaitOrForce(deadline);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      listeners.forEach(l -> l.server().shutdownNow());
    } finally {
      listeners.forEach(Listener::release);
    }
    if (!listeners.isEmpty()) {
      LOG.info("admin: stopped serving on {} listener(s)", listeners.size());
    }
  }
}
