package io.raftvip.vip;

import io.raftvip.net.InterfaceNotFoundException;
import io.raftvip.net.NetworkException;
import io.raftvip.net.Vip;
import io.raftvip.net.netlink.Errno;

/**
 * A failed attempt to bind a VIP, in the words an operator acts on: what failed, the cause and the
 * fix, e.g. {@code cannot bind 10.4.0.9 on end0: EPERM (Operation not permitted): the daemon lacks
 * CAP_NET_ADMIN; run it as the shipped unit does (AmbientCapabilities=CAP_NET_ADMIN CAP_NET_RAW) or
 * as root}. Shown by the log, the status, the systemd status line, a metric and the event stream.
 *
 * @param vip the address, e.g. "10.4.0.9"
 * @param interfaceName its interface, e.g. "end0"
 * @param errnoName the errno's name, e.g. "EPERM"; "" when the failure carried none
 * @param message the whole line: what, cause, fix
 */
public record BindFailure(String vip, String interfaceName, String errnoName, String message) {

  /** The fix for a missing capability: what the shipped unit grants. */
  static final String CAPABILITY_FIX = "the daemon lacks CAP_NET_ADMIN; run it as the shipped unit does"
      + " (AmbientCapabilities=CAP_NET_ADMIN CAP_NET_RAW) or as root";

  /** @return the failure of binding {@code vip} with {@code e}, explained */
  static BindFailure of(Vip vip, NetworkException e) {
    final String what = "cannot bind " + vip.address().getHostAddress() + " on " + vip.interfaceName() + ": ";
    final String errno = e.errno() == 0 ? "" : Errno.name(e.errno());
    final String message;
    if (e instanceof InterfaceNotFoundException missing) {
      message = what + missing.getMessage() + "; bring the interface back, or correct vips[].interface in the"
          + " configuration and restart raftvip";
    } else if (e.errno() == Errno.EPERM || e.errno() == Errno.EACCES) {
      message = what + Errno.describe(e.errno()) + ": " + CAPABILITY_FIX;
    } else if (e.errno() == Errno.ENODEV) {
      message = what + Errno.describe(e.errno()) + ": the interface is gone; bring it back, or correct"
          + " vips[].interface in the configuration and restart raftvip";
    } else {
      message = what + e.getMessage() + "; the kernel refused the address, the leader retries every second"
          + " (see its log, and `ip address show dev " + vip.interfaceName() + "`)";
    }
    return new BindFailure(vip.address().getHostAddress(), vip.interfaceName(), errno, message);
  }
}
