package io.raftvip.net.netlink;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * libc loaded once through jnr-ffi, plus errno access. Loading costs a few hundred
 * milliseconds, so the daemon creates one at start-up and passes it to every component that
 * makes native calls ({@link NetlinkAddressManager}, the packet announcer) instead of each
 * loading its own at failover time.
 */
public final class NativeLibC {

  private final LibC calls;
  private final Runtime runtime;

  private NativeLibC(LibC calls) {
    this.calls = calls;
    this.runtime = Runtime.getRuntime(calls);
  }

  /** Loads libc. Call once per process and share the result. */
  public static NativeLibC load() {
    return new NativeLibC(LibraryLoader.create(LibC.class).load("c"));
  }

  /** @return the libc calls */
  public LibC calls() {
    return calls;
  }

  /** @return errno of the calling thread's last failed native call */
  public int errno() {
    return runtime.getLastError();
  }
}
