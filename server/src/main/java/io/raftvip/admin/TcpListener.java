package io.raftvip.admin;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Starts the optional TCP listener. With {@link TlsFiles} clients must present a certificate from
 * the configured CA (mutual TLS); without, only a loopback address is allowed, because anyone who
 * reaches the port could change membership or move the VIP.
 */
final class TcpListener {

  private TcpListener() {}

  /**
   * Resolves the host once and refuses an unauthenticated listener off loopback. Runs before any
   * listener starts so a refused config leaves nothing behind.
   *
   * @return the address to bind
   * @throws IllegalArgumentException for a bad port, an unknown host or plaintext off loopback
   */
  static InetSocketAddress checkExposure(String host, int port, TlsFiles tls) {
    String listen = hostPort(host, port);
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("admin.listen " + listen + ": port must be 0..65535");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("admin.listen " + listen + ": unknown host " + host, e);
    }
    if (tls == null && !address.isLoopbackAddress()) {
      throw new IllegalArgumentException("admin.listen " + listen + " without admin.tls would let"
          + " anyone change membership; add admin.tls or listen on 127.0.0.1");
    }
    return new InetSocketAddress(address, port);
  }

  /** Binds {@code address} (from {@link #checkExposure}), with mutual TLS when tls is set. */
  static Listener start(InetSocketAddress address, TlsFiles tls,
      Consumer<ServerBuilder<?>> services) throws IOException {
    ServerCredentials credentials =
        tls == null ? InsecureServerCredentials.create() : mutualTls(tls);
    NettyServerBuilder builder;
    try {
      builder = NettyServerBuilder.forAddress(address, credentials);
    } catch (RuntimeException e) {
      if (tls == null) {
        throw e;
      }
      // Netty builds the SSL context here; a bad PEM surfaces as an unchecked exception.
      throw new IOException("admin.tls " + describe(tls) + ": unusable: " + e.getMessage(), e);
    }
    services.accept(builder);
    Server server;
    try {
      server = builder.build().start();
    } catch (IOException e) {
      throw new IOException("admin.listen " + address + ": bind failed: " + e.getMessage(), e);
    }
    InetSocketAddress bound = (InetSocketAddress) server.getListenSockets().get(0);
    String where = "tcp " + hostPort(bound.getAddress().getHostAddress(), bound.getPort());
    return new Listener(where + (tls == null ? " (plaintext, loopback only)"
        : " (mutual TLS, client CA " + tls.ca() + ")"), server, () -> { });
  }

  private static ServerCredentials mutualTls(TlsFiles tls) throws IOException {
    readable("admin.tls.cert", tls.cert());
    readable("admin.tls.key", tls.key());
    readable("admin.tls.ca", tls.ca());
    try {
      return TlsServerCredentials.newBuilder()
          .keyManager(tls.cert().toFile(), tls.key().toFile())
          .trustManager(tls.ca().toFile())
          .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE)
          .build();
    } catch (IOException | RuntimeException e) {
      throw new IOException("admin.tls " + describe(tls) + ": cannot load: " + e.getMessage(), e);
    }
  }

  private static void readable(String key, Path file) throws IOException {
    if (!Files.isReadable(file)) {
      throw new IOException(key + " " + file + ": "
          + (Files.exists(file) ? "not readable by this user" : "no such file"));
    }
  }

  private static String describe(TlsFiles tls) {
    return "(cert " + tls.cert() + ", key " + tls.key() + ", ca " + tls.ca() + ")";
  }

  private static String hostPort(String host, int port) {
    return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }
}
