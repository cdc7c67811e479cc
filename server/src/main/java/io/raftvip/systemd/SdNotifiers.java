package io.raftvip.systemd;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the {@link SdNotifier} for the environment the daemon was started in. */
public final class SdNotifiers {

  private static final Logger log = LoggerFactory.getLogger(SdNotifiers.class);

  /** The variable systemd sets for {@code Type=notify} services. */
  public static final String NOTIFY_SOCKET = "NOTIFY_SOCKET";

  private SdNotifiers() {}

  /**
   * Returns a notifier sending to {@code $NOTIFY_SOCKET}, or a no-op notifier when it is unset or
   * empty (not running under systemd). An address that cannot be used (a relative path, a
   * {@code vsock:} address, a name too long for {@code sun_path}) or a libc that cannot be bound
   * is logged at WARN and also gives the no-op notifier: the daemon runs on, and systemd reports
   * the start-up timeout, which points at the WARN line.
   *
   * @param env usually {@code System.getenv()}
   */
  public static SdNotifier fromEnvironment(Map<String, String> env) {
    String socket = env.get(NOTIFY_SOCKET);
    if (socket == null || socket.isEmpty()) {
      log.debug("sd_notify: {} not set, not running under systemd", NOTIFY_SOCKET);
      return new NoopSdNotifier();
    }
    SockaddrUn address;
    try {
      address = SockaddrUn.of(socket);
    } catch (IllegalArgumentException e) {
      log.warn("sd_notify: {}={} unusable, not notifying systemd: {}",
          NOTIFY_SOCKET, socket, e.getMessage());
      return new NoopSdNotifier();
    }
    try {
      return new SocketSdNotifier(address, UnixDatagramSender.loadLibc());
    } catch (LinkageError | RuntimeException e) {
      log.warn("sd_notify {}: cannot bind libc socket calls, not notifying systemd: {}",
          address, e.toString());
      return new NoopSdNotifier();
    }
  }
}
