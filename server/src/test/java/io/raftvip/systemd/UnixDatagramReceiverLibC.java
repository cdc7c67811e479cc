package io.raftvip.systemd;

import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/** Test-only libc calls for the receiving end of a Unix datagram socket. */
public interface UnixDatagramReceiverLibC {

  /** {@code SOL_SOCKET}. */
  int SOL_SOCKET = 1;
  /** {@code SO_RCVTIMEO} (asm-generic and x86). */
  int SO_RCVTIMEO = 20;

  /** {@code socket(2)}. */
  @SaveError
  int socket(int domain, int type, int protocol);

  /** {@code bind(2)}. */
  @SaveError
  int bind(int fd, @In byte[] addr, int addrlen);

  /** {@code setsockopt(2)}. */
  @SaveError
  int setsockopt(int fd, int level, int name, @In byte[] value, int length);

  /** {@code recv(2)}. */
  @SaveError
  @ssize_t
  long recv(int fd, @Out byte[] buf, @size_t long len, int flags);

  /** {@code close(2)}. */
  int close(int fd);
}
