package io.raftvip.reload;

import jnr.ffi.types.intptr_t;

/**
 * {@code signal(2)}, to undo an inherited "ignore SIGHUP" before the JVM is asked to handle it.
 * Public only because jnr-ffi generates the implementation in its own class loader.
 */
public interface SignalDispositionLibC {

  /** {@code SIGHUP} on Linux. */
  int SIGHUP = 1;
  /** {@code SIG_DFL}. */
  long SIG_DFL = 0;

  /**
   * {@code signal(2)}.
   *
   * @return the previous disposition, or {@code SIG_ERR} (-1)
   */
  @intptr_t
  long signal(int signum, @intptr_t long handler);
}
