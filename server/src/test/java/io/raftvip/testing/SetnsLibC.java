package io.raftvip.testing;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * The three libc calls {@link Netns#runIn(String, java.util.concurrent.Callable)} needs to move
 * the calling thread into a named network namespace. Test support only: the daemon never
 * changes namespace.
 */
final class SetnsLibC {

  private static final int O_RDONLY = 0;
  private static final int O_CLOEXEC = 0x80000;
  private static final int CLONE_NEWNET = 0x40000000;

  /** The jnr-ffi view of libc; public because jnr-ffi generates an implementation of it. */
  public interface Calls {
    int open(String path, int flags);

    int setns(int fd, int nstype);

    int close(int fd);

    String strerror(int errnum);
  }

  /**
   * Loaded once per test JVM on first use (loading costs a few hundred ms); a holder class
   * rather than a field on Netns so tests that never call runIn do not pay for it.
   */
  private static final class Holder {
    static final Calls LIBC = LibraryLoader.create(Calls.class).load("c");
  }

  private SetnsLibC() {
  }

  /** Moves the calling thread into {@code /run/netns/NAME}; it never comes back. */
  static void enterNetns(String nsName) {
    Calls libc = Holder.LIBC;
    Runtime rt = Runtime.getRuntime(libc);
    String path = "/run/netns/" + nsName;
    int fd = libc.open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
      int errno = rt.getLastError();
      throw new IllegalStateException("open " + path + ": errno " + errno + " (" + libc.strerror(errno) + ")");
    }
    try {
      if (libc.setns(fd, CLONE_NEWNET) != 0) {
        int errno = rt.getLastError();
        throw new IllegalStateException("setns " + path + " CLONE_NEWNET: errno " + errno
            + " (" + libc.strerror(errno) + ")");
      }
    } finally {
      libc.close(fd);
    }
  }
}
