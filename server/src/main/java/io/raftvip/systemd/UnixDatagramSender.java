package io.raftvip.systemd;

import java.io.IOException;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * Sends single datagrams to a Unix socket, one short-lived socket per message, like libsystemd's
 * {@code sd_notify}: no descriptor to keep alive or reopen after systemd restarts, and the cost
 * (a few syscalls every few seconds) is nothing.
 */
final class UnixDatagramSender {

  private final UnixDatagramLibC libc;
  private final Runtime runtime;

  UnixDatagramSender(UnixDatagramLibC libc) {
    this.libc = libc;
    this.runtime = Runtime.getRuntime(libc);
  }

  /**
   * Binds libc.
   *
   * @throws UnsatisfiedLinkError or another {@link LinkageError} if libc cannot be loaded
   */
  static UnixDatagramSender loadLibc() {
    return new UnixDatagramSender(LibraryLoader.create(UnixDatagramLibC.class).load("c"));
  }

  /**
   * Sends {@code payload} as one datagram to {@code to}.
   *
   * @throws IOException naming the failed call, its arguments and the errno name
   */
  void send(SockaddrUn to, byte[] payload) throws IOException {
    int fd = libc.socket(
        UnixDatagramLibC.AF_UNIX, UnixDatagramLibC.SOCK_DGRAM | UnixDatagramLibC.SOCK_CLOEXEC, 0);
    if (fd < 0) {
      throw failure("socket(AF_UNIX, SOCK_DGRAM|SOCK_CLOEXEC)", runtime.getLastError());
    }
    try {
      long sent = libc.sendto(fd, payload, payload.length, UnixDatagramLibC.MSG_NOSIGNAL,
          to.bytes(), to.length());
      if (sent < 0) {
        throw failure("sendto(" + to + ", " + payload.length + " bytes)", runtime.getLastError());
      }
      if (sent != payload.length) {
        // Datagrams are all or nothing; anything else means the kernel did something unexpected.
        throw new IOException(
            "sendto(" + to + ", " + payload.length + " bytes): sent only " + sent + " bytes");
      }
    } finally {
      libc.close(fd);
    }
  }

  private IOException failure(String call, int errno) {
    return new IOException(
        call + ": " + LinuxErrno.name(errno) + " (" + libc.strerror(errno) + ")");
  }
}
