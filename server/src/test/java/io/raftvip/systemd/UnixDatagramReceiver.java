package io.raftvip.systemd;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * A bound Unix datagram socket standing in for systemd's notify socket in tests (also those that
 * start a real daemon with {@code NOTIFY_SOCKET} pointing here). Java 17 cannot bind one, so this
 * goes through libc like the code under test.
 */
public final class UnixDatagramReceiver implements AutoCloseable {

  private static final UnixDatagramReceiverLibC LIBC =
      LibraryLoader.create(UnixDatagramReceiverLibC.class).load("c");

  private final int fd;

  /** Binds {@code name} (a path or {@code @abstract}); recv gives up after {@code timeout}. */
  public UnixDatagramReceiver(String name, Duration timeout) throws IOException {
    fd = LIBC.socket(UnixDatagramLibC.AF_UNIX,
        UnixDatagramLibC.SOCK_DGRAM | UnixDatagramLibC.SOCK_CLOEXEC, 0);
    if (fd < 0) {
      throw new IOException("socket: " + LinuxErrno.name(lastError()));
    }
    SockaddrUn address = SockaddrUn.of(name);
    if (LIBC.bind(fd, address.bytes(), address.length()) < 0) {
      int errno = lastError();
      LIBC.close(fd);
      throw new IOException("bind(" + name + "): " + LinuxErrno.name(errno));
    }
    byte[] timeval = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder())
        .putLong(timeout.toSeconds()).putLong(timeout.toMillisPart() * 1000L).array();
    if (LIBC.setsockopt(fd, UnixDatagramReceiverLibC.SOL_SOCKET,
        UnixDatagramReceiverLibC.SO_RCVTIMEO, timeval, timeval.length) < 0) {
      int errno = lastError();
      LIBC.close(fd);
      throw new IOException("setsockopt(SO_RCVTIMEO): " + LinuxErrno.name(errno));
    }
  }

  /** The next datagram as text; fails with EAGAIN when nothing arrives within the timeout. */
  public String receive() throws IOException {
    byte[] buf = new byte[4096];
    long n = LIBC.recv(fd, buf, buf.length, 0);
    if (n < 0) {
      throw new IOException("recv: " + LinuxErrno.name(lastError()));
    }
    return new String(buf, 0, (int) n, StandardCharsets.UTF_8);
  }

  private static int lastError() {
    return Runtime.getRuntime(LIBC).getLastError();
  }

  @Override
  public void close() {
    LIBC.close(fd);
  }
}
