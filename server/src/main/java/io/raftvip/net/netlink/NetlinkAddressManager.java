package io.raftvip.net.netlink;

import io.raftvip.net.AddressListener;
import io.raftvip.net.AddressManager;
import io.raftvip.net.BoundAddress;
import io.raftvip.net.InterfaceNotFoundException;
import io.raftvip.net.Vip;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link AddressManager} over rtnetlink. One request socket, opened by the constructor, serves
 * every call (requests are serialised); each subscription has its own socket and thread.
 *
 * <p>Sockets belong to the network namespace of the thread that opens them: the constructor's
 * for requests, {@link #subscribe}'s caller's for events. The daemon never changes namespace;
 * tests construct and subscribe inside {@code Netns.runIn}.
 *
 * <p>Addresses are tagged as ours as {@link AddressMarker} describes (IFA_PROTO on Linux 6.1+).
 */
public final class NetlinkAddressManager implements AddressManager {

  /** How long a request waits for the kernel's answer unless configured otherwise. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(2);

  private static final Logger LOG = LoggerFactory.getLogger(NetlinkAddressManager.class);
  private static final String CAP = "CAP_NET_ADMIN";

  private final NativeLibC libc;
  private final RtnlConnection rtnl;
  private final LinkNames links;
  private final AddressMarker marker;
  private final Set<AddressSubscription> subscriptions = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /** Opens the request socket, choosing the marker by the running kernel's release. */
  public NetlinkAddressManager(NativeLibC libc) {
    this(libc, DEFAULT_REQUEST_TIMEOUT);
  }

  /** As {@link #NetlinkAddressManager(NativeLibC)} with a custom per-request timeout. */
  public NetlinkAddressManager(NativeLibC libc, Duration requestTimeout) {
    this(libc, requestTimeout, AddressMarker.forKernelRelease(kernelRelease()));
  }

  NetlinkAddressManager(NativeLibC libc, Duration requestTimeout, AddressMarker marker) {
    this.libc = Objects.requireNonNull(libc, "libc");
    this.marker = marker;
    this.rtnl = new RtnlConnection(NetlinkSocket.open(libc, 0, 0), requestTimeout);
    this.links = new LinkNames(rtnl);
    List<String> interfaces = warmUp();
    LOG.debug("netlink[{}]: request socket open, interfaces {}; marker {}", rtnl.portId(), interfaces,
        marker.protoSupported() ? "IFA_PROTO 0x52" : "label <if>:rv / IPv6 NODAD|NOPREFIXROUTE");
  }

  /** {@inheritDoc} {@link Duration#ZERO} gives infinite preferred and valid lifetimes. */
  @Override
  public void add(Vip vip, Duration validLifetime) {
    long valid = lifetimeSeconds(vip, validLifetime);
    long preferred = validLifetime.isZero() ? Rtnl.INFINITY_LIFE_TIME : 0;
    NetlinkError result = newAddress(vip, links.requireIndex(vip.interfaceName()), preferred, valid);
    if (result.errno() == 0 || result.errno() == Errno.EEXIST) {
      LOG.debug("netlink[{}]: added {} (valid {})", rtnl.portId(), vip, validLifetime.isZero() ? "forever" : valid + " s");
      return;
    }
    if (result.errno() == Errno.ENODEV) {
      throw new InterfaceNotFoundException(vip.interfaceName(), links.names());
    }
    throw Errno.failure("RTM_NEWADDR " + vip, result.errno(), CAP, result.extackMessage());
  }

  private NetlinkError newAddress(Vip vip, int index, long preferred, long valid) {
    int s = rtnl.nextSeq();
    byte[] msg = AddressRequests.add(s, vip.address(), vip.prefixLength(), index, marker.flags(vip),
        marker.label(vip), marker.proto(), preferred, valid);
    return rtnl.request(msg, s, "RTM_NEWADDR " + vip).error();
  }

  /**
   * Runs the add and list paths once without effect, so the first real add (at failover) does
   * not pay for JIT-less code, lambda and string-concatenation bootstraps and jnr-ffi stub
   * binding: measured at 10-20 ms cold against ~50 us warm. Interface index 0 never exists, so
   * the kernel answers ENODEV and changes nothing.
   */
  private List<String> warmUp() {
    List<String> interfaces = links.names();
    dumpAddresses(a -> false);
    for (String ip : new String[] {"0.0.0.0", "::"}) {
      try {
        Vip none = new Vip(InetAddress.getByName(ip), "lo");
        newAddress(none, 0, Rtnl.INFINITY_LIFE_TIME, Rtnl.INFINITY_LIFE_TIME).describe();
        links.indexOf("lo");
      } catch (UnknownHostException | RuntimeException e) {
        LOG.debug("netlink[{}]: warm-up: {}", rtnl.portId(), e.toString());
      }
    }
    return interfaces;
  }


  @Override
  public void remove(Vip vip) {
    String op = "RTM_DELADDR " + vip;
    int index = links.indexOf(vip.interfaceName());
    if (index < 0) {
      LOG.debug("netlink[{}]: {} needs no removal: no such interface", rtnl.portId(), vip);
      return;
    }
    int s = rtnl.nextSeq();
    NetlinkError result = rtnl.request(AddressRequests.delete(s, vip.address(), vip.prefixLength(), index), s, op).error();
    switch (result.errno()) {
      case 0 -> LOG.debug("netlink[{}]: removed {}", rtnl.portId(), vip);
      case Errno.EADDRNOTAVAIL, Errno.ENOENT, Errno.ENODEV, Errno.ENXIO ->
          LOG.debug("netlink[{}]: {} was already absent ({})", rtnl.portId(), vip, Errno.name(result.errno()));
      default -> throw Errno.failure(op, result.errno(), CAP, result.extackMessage());
    }
  }

  @Override
  public List<BoundAddress> list(String interfaceName) {
    int index = links.requireIndex(interfaceName);
    return dumpAddresses(a -> a.ifindex() == index);
  }

  @Override
  public List<BoundAddress> listOurs() {
    return dumpAddresses(marker::isOurs);
  }

  /** {@inheritDoc} The event socket is opened in the calling thread's network namespace. */
  @Override
  public Subscription subscribe(AddressListener listener) {
    if (closed) {
      throw new IllegalStateException("address manager is closed");
    }
    AddressSubscription sub = AddressSubscription.start(libc, rtnl.portId(), this::toBound, listener);
    subscriptions.add(sub);
    return () -> {
      subscriptions.remove(sub);
      sub.close();
    };
  }

  /** @return the port id of the request socket: events carrying it were caused by this manager */
  public int portId() {
    return rtnl.portId();
  }

  @Override
  public void close() {
    closed = true;
    subscriptions.forEach(AddressSubscription::close);
    subscriptions.clear();
    rtnl.close();
  }

  private List<BoundAddress> dumpAddresses(Predicate<AddressMessage> filter) {
    return rtnl.dump(AddressRequests::dump, "RTM_GETADDR dump").stream()
        .filter(m -> m.type() == Rtnl.RTM_NEWADDR)
        .map(AddressMessage::decode)
        .filter(filter)
        .map(this::toBound)
        .toList();
  }

  private BoundAddress toBound(AddressMessage a) {
    return new BoundAddress(a.address(), a.prefixLength(), links.nameOf(a.ifindex()), a.ifindex(), marker.isOurs(a));
  }

  private static long lifetimeSeconds(Vip vip, Duration lifetime) {
    if (lifetime.isNegative()) {
      throw new IllegalArgumentException("valid lifetime for " + vip + " must not be negative: " + lifetime);
    }
    if (lifetime.isZero()) {
      return Rtnl.INFINITY_LIFE_TIME;
    }
    // Rounded up: a lifetime of 1.5 s must not expire after 1 s.
    long seconds = lifetime.plusNanos(999_999_999).getSeconds();
    if (seconds >= Rtnl.INFINITY_LIFE_TIME) {
      throw new IllegalArgumentException("valid lifetime for " + vip + " must be below 2^32-1 s: " + lifetime);
    }
    return seconds;
  }

  private static String kernelRelease() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/osrelease"));
    } catch (IOException e) {
      return "0.0";
    }
  }
}
