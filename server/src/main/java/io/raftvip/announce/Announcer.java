package io.raftvip.announce;

import io.raftvip.net.Vip;

/**
 * Tells the local network that this host now answers for a VIP: gratuitous ARP (request and
 * reply forms) for IPv4, an unsolicited Neighbor Advertisement with the Override flag for IPv6.
 */
public interface Announcer extends AutoCloseable {

  /**
   * Sends one round of announcements for the VIP out of its interface, from that interface's MAC.
   *
   * @throws io.raftvip.net.NetworkException naming the call and errno (CAP_NET_RAW missing, no interface)
   */
  void announce(Vip vip);

  @Override
  void close();
}
