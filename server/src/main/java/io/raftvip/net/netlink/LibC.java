package io.raftvip.net.netlink;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.Out;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The libc calls raftvip makes, as jnr-ffi sees them. Socket addresses, messages and option
 * values are plain {@code byte[]} in native byte order; errno is read through
 * {@link NativeLibC#errno()} right after a failing call. Public only because jnr-ffi generates
 * the implementation and the announcer shares it; obtain it from {@link NativeLibC#load()}.
 */
public interface LibC {

  /** socket(2). */
  int socket(int domain, int type, int protocol);

  /** bind(2). */
  int bind(int fd, @In byte[] addr, int addrlen);

  /** sendto(2). */
  @ssize_t long sendto(int fd, @In byte[] buf, @size_t long len, int flags, @In byte[] addr, int addrlen);

  /** recv(2). */
  @ssize_t long recv(int fd, @Out byte[] buf, @size_t long len, int flags);

  /** recvfrom(2); {@code addrlen} is a one-element in/out array. */
  @ssize_t long recvfrom(int fd, @Out byte[] buf, @size_t long len, int flags, @Out byte[] addr,
                         @In @Out int[] addrlen);

  /** setsockopt(2). */
  int setsockopt(int fd, int level, int optname, @In byte[] optval, int optlen);

  /** getsockname(2); {@code addrlen} is a one-element in/out array. */
  int getsockname(int fd, @Out byte[] addr, @In @Out int[] addrlen);

  /** ioctl(2) with a pointer argument (struct ifreq). */
  int ioctl(int fd, long request, @In @Out byte[] arg);

  /** poll(2) over packed {@code struct pollfd} entries (8 bytes each). */
  int poll(@In @Out byte[] fds, long nfds, int timeoutMillis);

  /** close(2). */
  int close(int fd);

  /** if_nametoindex(3); 0 when the name is unknown in the calling thread's namespace. */
  int if_nametoindex(String name);

  /** if_indextoname(3); {@code name} must hold 16 bytes; returns null on failure. */
  Pointer if_indextoname(int ifindex, @Out byte[] name);

  /** strerror(3). */
  String strerror(int errnum);

  /** open(2). */
  int open(String path, int flags);

  /** setns(2). */
  int setns(int fd, int nstype);
}
