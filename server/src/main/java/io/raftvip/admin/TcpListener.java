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
import java.util.function.Consumer;

/**
 * Starts the optional TCP listener. With {@link AdminTls} clients must present a certificate from
 * the configured CA (mutual TLS) and only those on {@code admin.allow} may make changes
 * ({@link AdminAuthorization}); without TLS, only a loopback address is allowed, because anyone
 * who reaches the port could change membership or move the VIP.
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
  static InetSocketAddress checkExposure(String host, int port, AdminTls tls) {
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

  /**
   * Binds {@code address} (from {@link #checkExposure}), with mutual TLS when tls is set: then
   * reads are open to every client certificate the CA signed, changes only to {@code admin.allow}.
   */
  static Listener start(InetSocketAddress address, AdminTls tls,
      Consumer<ServerBuilder<?>> services) throws IOException {
    ServerCredentials credentials = tls == null ? InsecureServerCredentials.create()
        : TlsServerCredentials.newBuilder()
            .keyManager(tls.keyManager())
            .trustManager(tls.trustManager())
            .clientAuth(TlsServerCredentials.ClientAuth.REQUIRE)
            .build();
    NettyServerBuilder builder = NettyServerBuilder.forAddress(address, credentials);
    services.accept(builder);
    if (tls != null) {
      builder.intercept(new AdminAuthorization(tls.allow()));
    }
    Server server;
    try {
      server = builder.build().start();
    } catch (IOException e) {
      throw new IOException("admin.listen " + address + ": bind failed: " + e.getMessage(), e);
    }
    InetSocketAddress bound = (InetSocketAddress) server.getListenSockets().get(0);
    String where = "tcp " + hostPort(bound.getAddress().getHostAddress(), bound.getPort());
    return new Listener(where + (tls == null ? " (plaintext, loopback only)"
        : " (mutual TLS, " + tls.trustDescription() + "; changes for admin.allow " + tls.allow().names() + ")"),
        server, () -> { });
  }

  private static String hostPort(String host, int port) {
    return (host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }
}
