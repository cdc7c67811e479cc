package io.raftvip.net.netlink;

import io.raftvip.net.AddressEvent;
import io.raftvip.net.AddressListener;
import io.raftvip.net.AddressManager;
import io.raftvip.net.BoundAddress;
import io.raftvip.net.NetworkException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads rtnetlink address events (IPv4 and IPv6 groups) on a dedicated daemon thread and hands
 * them to a listener. An event whose port id equals our request socket's was caused by us: the
 * kernel stamps notifications with the requester's port id (0 for its own changes, such as a
 * lifetime expiring). The thread polls in short slices so close() takes effect promptly.
 */
final class AddressSubscription implements AddressManager.Subscription {

  private static final Logger LOG = LoggerFactory.getLogger(AddressSubscription.class);
  private static final int POLL_MILLIS = 100;
  private static final int RECEIVE_BUFFER = 1 << 20;

  private final NetlinkSocket socket;
  private final int ourPortId;
  private final Function<AddressMessage, BoundAddress> resolver;
  private final AddressListener listener;
  private final Thread thread;
  private volatile boolean closed;

  private AddressSubscription(NetlinkSocket socket, int ourPortId,
                              Function<AddressMessage, BoundAddress> resolver, AddressListener listener) {
    this.socket = socket;
    this.ourPortId = ourPortId;
    this.resolver = resolver;
    this.listener = listener;
    this.thread = new Thread(this::run, "raftvip-netlink-events-" + socket.portId());
    thread.setDaemon(true);
  }

  /**
   * Opens the event socket (in the calling thread's network namespace) and starts reading.
   *
   * @param ourPortId the port id of the request socket whose changes count as ours
   * @param resolver turns a kernel message into a {@link BoundAddress} (interface name, marker)
   */
  static AddressSubscription start(NativeLibC libc, int ourPortId,
                                   Function<AddressMessage, BoundAddress> resolver, AddressListener listener) {
    return start(libc, ourPortId, resolver, listener, RECEIVE_BUFFER);
  }

  /** As above with a given SO_RCVBUF: tests shrink it to make the kernel drop events (ENOBUFS). */
  static AddressSubscription start(NativeLibC libc, int ourPortId, Function<AddressMessage, BoundAddress> resolver,
                                   AddressListener listener, int receiveBuffer) {
    NetlinkSocket socket = NetlinkSocket.open(libc, Rtnl.RTMGRP_IPV4_IFADDR | Rtnl.RTMGRP_IPV6_IFADDR, receiveBuffer);
    AddressSubscription sub = new AddressSubscription(socket, ourPortId, resolver, listener);
    sub.thread.start();
    return sub;
  }

  private void run() {
    byte[] buffer = new byte[65536];
    try {
      while (!closed) {
        readOnce(buffer);
      }
    } finally {
      // Closed here, by the only thread using it, so the fd cannot be reused under a pending poll.
      socket.close();
    }
  }

  private void readOnce(byte[] buffer) {
    int n;
    try {
      n = socket.receive(buffer, POLL_MILLIS, "address events");
    } catch (NetworkException e) {
      if (e.errno() == Errno.ENOBUFS) {
        LOG.warn("netlink[{}]: address events lost (ENOBUFS); asking the listener to resync", ourPortId);
        deliver(null);
      } else {
        LOG.warn("netlink[{}]: reading address events failed: {}", ourPortId, e.getMessage());
      }
      return;
    }
    if (n < 0) {
      return;
    }
    long now = System.nanoTime();
    for (NetlinkMessage m : NetlinkMessage.parseAll(buffer, n)) {
      if (m.type() != Rtnl.RTM_NEWADDR && m.type() != Rtnl.RTM_DELADDR) {
        continue;
      }
      AddressEvent.Kind kind = m.type() == Rtnl.RTM_NEWADDR ? AddressEvent.Kind.ADDED : AddressEvent.Kind.REMOVED;
      try {
        BoundAddress address = resolver.apply(AddressMessage.decode(m));
        deliver(new AddressEvent(kind, address, m.portId() == ourPortId, now));
      } catch (RuntimeException e) {
        LOG.warn("netlink[{}]: skipping undecodable {} event: {}", ourPortId, Rtnl.typeName(m.type()), e.toString());
      }
    }
  }

  private void deliver(AddressEvent event) {
    try {
      if (event == null) {
        listener.onResync();
      } else {
        listener.onEvent(event);
      }
    } catch (RuntimeException e) {
      LOG.warn("netlink[{}]: address listener failed on {}", ourPortId, event == null ? "resync" : event, e);
    }
  }

  /** Stops the reader (within about {@value #POLL_MILLIS} ms) and closes its socket. */
  @Override
  public void close() {
    closed = true;
    if (Thread.currentThread() != thread) {
      try {
        thread.join(2_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
