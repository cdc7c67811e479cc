package io.raftvip.systemd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends sd_notify messages as datagrams to the socket systemd named in {@code $NOTIFY_SOCKET}.
 * Create it with {@link SdNotifiers#fromEnvironment}.
 *
 * <p>A failed send is logged at WARN once, then at DEBUG until a send succeeds again (logged at
 * INFO), so a broken socket does not flood the journal with a line per watchdog ping.
 */
public final class SocketSdNotifier implements SdNotifier {

  private static final Logger log = LoggerFactory.getLogger(SocketSdNotifier.class);

  private final SockaddrUn target;
  private final UnixDatagramSender sender;
  private final AtomicBoolean failing = new AtomicBoolean();

  SocketSdNotifier(SockaddrUn target, UnixDatagramSender sender) {
    this.target = target;
    this.sender = sender;
  }

  @Override
  public void ready() {
    send("READY=1");
  }

  @Override
  public void status(String line) {
    send("STATUS=" + line.replace('\n', ' ').replace('\r', ' '));
  }

  @Override
  public void watchdog() {
    send("WATCHDOG=1");
  }

  @Override
  public void stopping() {
    send("STOPPING=1");
  }

  private void send(String message) {
    try {
      sender.send(target, message.getBytes(StandardCharsets.UTF_8));
      if (failing.compareAndSet(true, false)) {
        log.info("sd_notify {}: reachable again", target);
      }
    } catch (IOException | RuntimeException e) {
      // Never propagate: losing contact with systemd is bad, crashing the VIP owner is worse.
      if (failing.compareAndSet(false, true)) {
        log.warn("sd_notify {}: cannot send {}: {}", target, message, e.getMessage());
      } else {
        log.debug("sd_notify {}: cannot send {}: {}", target, message, e.getMessage());
      }
    }
  }

  @Override
  public String toString() {
    return "SocketSdNotifier[" + target + "]";
  }
}
