package io.raftvip.net;

/**
 * A change of an address reported by the kernel (rtnetlink address group).
 *
 * @param kind added or removed
 * @param address the address concerned
 * @param byUs true when this process's own netlink socket made the change (the message's port id
 *             is ours); false when someone else did it (an admin, NetworkManager, the kernel's
 *             lifetime expiry)
 * @param monotonicNanos {@link System#nanoTime()} when the event was read
 */
public record AddressEvent(Kind kind, BoundAddress address, boolean byUs, long monotonicNanos) {

  /** What happened to the address. */
  public enum Kind { ADDED, REMOVED }
}
