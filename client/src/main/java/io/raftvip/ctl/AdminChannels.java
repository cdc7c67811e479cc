package io.raftvip.ctl;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds the real channel: a Unix-domain socket through grpc-netty-shaded's epoll transport
 * ({@code unix:///PATH} targets), or TCP, plain or with (mutual) TLS from PEM files.
 */
final class AdminChannels implements ChannelOpener {
  @Override
  public ManagedChannel open(Endpoint endpoint, TlsFiles tls) {
    tls.check(endpoint);
    if (endpoint.isUnix()) {
      // The "unix" scheme selects grpc-netty-shaded's UdsNettyChannelProvider (epoll, Linux only).
      return Grpc.newChannelBuilder(endpoint.unixTarget(), InsecureChannelCredentials.create()).build();
    }
    ChannelCredentials credentials = tls.enabled() ? tlsCredentials(tls) : InsecureChannelCredentials.create();
    HostPort address = endpoint.hostPort();
    try {
      return Grpc.newChannelBuilderForAddress(address.host(), address.port(), credentials).build();
    } catch (IllegalArgumentException e) {
      // Netty parses the PEM files when the channel is built: a bad file surfaces here.
      throw CtlException.usage("cannot use the TLS files " + files(tls) + ": " + e.getMessage());
    }
  }

  private static ChannelCredentials tlsCredentials(TlsFiles tls) {
    TlsChannelCredentials.Builder builder = TlsChannelCredentials.newBuilder();
    try {
      if (tls.cert() != null) {
        builder.keyManager(readable("--tls-cert", tls.cert()).toFile(), readable("--tls-key", tls.key()).toFile());
      }
      if (tls.ca() != null) {
        builder.trustManager(readable("--tls-ca", tls.ca()).toFile());
      }
    } catch (IOException | IllegalArgumentException e) {
      throw CtlException.usage("cannot use the TLS files " + files(tls) + ": " + e.getMessage());
    }
    return builder.build();
  }

  private static Path readable(String option, Path file) {
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      throw CtlException.usage("cannot read " + option + " " + file + ": "
          + (Files.exists(file) ? "not a readable file" : "no such file"));
    }
    return file;
  }

  private static String files(TlsFiles tls) {
    return "(cert " + tls.cert() + ", key " + tls.key() + ", ca " + tls.ca() + ")";
  }
}
