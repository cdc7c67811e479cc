package io.raftvip.systemd;

import jnr.ffi.annotations.In;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The few libc calls needed to send one datagram to a Unix socket. Public only because jnr-ffi
 * generates the implementation in its own class loader; nothing outside this package uses it.
 *
 * <p>Kept apart from the netlink binding in {@code io.raftvip.net.netlink} on purpose: sd_notify
 * must keep working whatever happens to the networking code, and the overlap is three lines.
 */
public interface UnixDatagramLibC {

  /** {@code AF_UNIX} from {@code <sys/socket.h>}. */
  int AF_UNIX = 1;
  /** {@code SOCK_DGRAM}. */
  int SOCK_DGRAM = 2;
  /** {@code SOCK_CLOEXEC}: the socket must not leak into processes we might spawn. */
  int SOCK_CLOEXEC = 0x80000;
  /** {@code MSG_NOSIGNAL}: report EPIPE as an error instead of raising SIGPIPE. */
  int MSG_NOSIGNAL = 0x4000;

  /**
   * {@code socket(2)}.
   *
   * @return the descriptor, or -1 with errno set
   */
  @SaveError
  int socket(int domain, int type, int protocol);

  /**
   * {@code sendto(2)} with the destination given as an encoded {@code struct sockaddr_un}.
   *
   * @return bytes sent, or -1 with errno set
   */
  @SaveError
  @ssize_t
  long sendto(int fd, @In byte[] buf, @size_t long len, int flags, @In byte[] addr, int addrlen);

  /**
   * {@code close(2)}.
   *
   * @return 0, or -1 with errno set
   */
  int close(int fd);

  /**
   * {@code strerror(3)}: the C library's description of an errno value.
   *
   * @return e.g. {@code "Connection refused"}
   */
  String strerror(int errnum);
}
