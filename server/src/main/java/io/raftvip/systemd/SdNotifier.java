package io.raftvip.systemd;

/**
 * Tells the service manager about the daemon's life cycle (the sd_notify protocol).
 *
 * <p>Implementations never throw: systemd being unreachable must not take the daemon down, so
 * failures are logged and swallowed. All methods are safe to call from any thread.
 */
public interface SdNotifier {

  /** Start-up is complete: sends {@code READY=1}; systemd then reports the unit as active. */
  void ready();

  /**
   * Sends a one-line human-readable status ({@code STATUS=...}) shown by {@code systemctl status}.
   * Line breaks are replaced by spaces because a newline would start a new protocol field.
   *
   * @param line e.g. {@code "owner of 10.4.0.9 (term 7)"}
   */
  void status(String line);

  /** Keep-alive for the service watchdog: sends {@code WATCHDOG=1}. */
  void watchdog();

  /** Shutdown has begun: sends {@code STOPPING=1}. */
  void stopping();
}
