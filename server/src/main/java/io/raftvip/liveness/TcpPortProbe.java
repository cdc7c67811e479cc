package io.raftvip.liveness;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link PortProbe} over a plain TCP connect. Only the handshake is needed, so it works the same
 * with mutual TLS on the port: the socket is reset (linger 0) right after it connects, before
 * any byte is sent, and a stalled peer finds only a reset connection in its accept queue when it
 * resumes.
 */
public final class TcpPortProbe implements PortProbe {

  private static final Logger LOG = LoggerFactory.getLogger(TcpPortProbe.class);

  @Override
  public PortAnswer probe(String hostPort, Duration timeout) {
    final InetSocketAddress address;
    try {
      address = parse(hostPort);
    } catch (IllegalArgumentException e) {
      LOG.warn("cannot probe '{}': {}", hostPort, e.getMessage());
      return PortAnswer.SILENT;
    }
    try (Socket socket = new Socket()) {
      socket.setSoLinger(true, 0);
      socket.connect(address, (int) Math.max(1, timeout.toMillis()));
      return PortAnswer.ACCEPTED;
    } catch (ConnectException e) {
      // "Connection refused" is a reset from a live kernel; anything else here (no route,
      // host unreachable) means nothing answered.
      return refused(e) ? PortAnswer.REFUSED : PortAnswer.SILENT;
    } catch (SocketTimeoutException e) {
      return PortAnswer.SILENT;
    } catch (IOException e) {
      return PortAnswer.SILENT;
    }
  }

  private static boolean refused(ConnectException e) {
    final String message = e.getMessage();
    return message != null && message.toLowerCase(java.util.Locale.ROOT).contains("refused");
  }

  /** @return the socket address of {@code HOST:PORT} or {@code [IPv6]:PORT}, unresolved names resolved */
  public static InetSocketAddress parse(String hostPort) {
    final int colon = hostPort.lastIndexOf(':');
    if (colon <= 0 || colon == hostPort.length() - 1) {
      throw new IllegalArgumentException("not HOST:PORT");
    }
    String host = hostPort.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    final int port;
    try {
      port = Integer.parseInt(hostPort.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("port is not a number");
    }
    return new InetSocketAddress(host, port);
  }
}
