package io.raftvip.net;

/** Receives address changes from an {@link AddressManager} subscription, on its reader thread. */
public interface AddressListener {

  /** An address was added or removed. Must not block. */
  void onEvent(AddressEvent event);

  /**
   * Events were lost (the kernel reported ENOBUFS); the listener should compare its desired
   * state with {@link AddressManager#list(String)} again. Must not block.
   */
  default void onResync() {
  }
}
