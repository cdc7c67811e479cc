/**
 * Talking to systemd: the sd_notify protocol ({@code READY=1}, {@code STATUS=},
 * {@code WATCHDOG=1}, {@code STOPPING=1}) over the datagram socket named by
 * {@code $NOTIFY_SOCKET}, and the health-gated {@link io.raftvip.systemd.Watchdog}.
 *
 * <p>Everything here is best effort: a failure to reach systemd is logged at WARN and never stops
 * the daemon. Outside systemd ({@code NOTIFY_SOCKET} unset) the notifier is a no-op. The datagrams
 * are sent in-process through a few libc calls bound with jnr-ffi ({@link
 * io.raftvip.systemd.UnixDatagramLibC}), because Java 17 cannot address a Unix datagram socket.
 */
package io.raftvip.systemd;
