package io.raftvip.net;

import java.time.Duration;
import java.util.List;

/**
 * Binds and unbinds VIPs on local interfaces. This is the test seam between the ownership
 * logic and the kernel: the daemon uses the rtnetlink implementation, unit tests a fake.
 *
 * <p>All addresses added through this interface carry raftvip's marker, so a later process can
 * find stale VIPs of ours ({@link #listOurs()}) without touching anybody else's addresses.
 */
public interface AddressManager extends AutoCloseable {

  /**
   * Binds the VIP (IPv4 /32; IPv6 /128 with NODAD and no prefix route). Idempotent: an address
   * that is already present counts as success and has its lifetime refreshed.
   *
   * @param vip the address and interface
   * @param validLifetime how long the kernel keeps the address unless this is called again;
   *                      {@link Duration#ZERO} means forever. With a finite lifetime the preferred
   *                      lifetime is 0, so the kernel never picks the VIP as a source address;
   *                      with {@link Duration#ZERO} both lifetimes are infinite.
   * @throws NetworkException naming the operation, the VIP and the errno; an
   *         {@link InterfaceNotFoundException} when the interface does not exist
   */
  void add(Vip vip, Duration validLifetime);

  /**
   * Removes the VIP. Idempotent: an absent address counts as success.
   *
   * @throws NetworkException naming the operation, the VIP and the errno
   */
  void remove(Vip vip);

  /** @return the addresses currently on the named interface (all of them, ours or not) */
  List<BoundAddress> list(String interfaceName);

  /** @return every address carrying raftvip's marker, on any interface */
  List<BoundAddress> listOurs();

  /**
   * Subscribes to address changes (IPv4 and IPv6). Events are delivered on a dedicated thread
   * until the returned handle is closed.
   */
  Subscription subscribe(AddressListener listener);

  /** Closes the subscription and its socket. */
  interface Subscription extends AutoCloseable {
    @Override
    void close();
  }

  @Override
  void close();
}
