package io.raftvip.announce;

import io.raftvip.net.NetworkException;
import io.raftvip.net.Vip;
import io.raftvip.net.netlink.Errno;
import io.raftvip.net.netlink.LibC;
import io.raftvip.net.netlink.NativeLibC;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Announcer} over raw sockets: gratuitous ARP (request and reply forms) through a
 * send-only AF_PACKET socket, unsolicited Neighbor Advertisements through an ICMPv6 raw socket
 * to ff02::1 with hop limit 255. Both sockets are opened by the constructor, in the calling
 * thread's network namespace, and the interface's index and MAC are read from that namespace
 * at every announcement. Needs CAP_NET_RAW. Thread-safe.
 */
public final class PacketAnnouncer implements Announcer {

  private static final Logger LOG = LoggerFactory.getLogger(PacketAnnouncer.class);
  private static final String CAP = "CAP_NET_RAW";
  private static final int AF_INET6 = 10;
  private static final int AF_PACKET = 17;
  private static final int SOCK_RAW = 3;
  private static final int SOCK_CLOEXEC = 0x80000;
  private static final int IPPROTO_IPV6 = 41;
  private static final int IPPROTO_ICMPV6 = 58;
  private static final int IPV6_MULTICAST_HOPS = 18;
  private static final int ICMP6_FILTER = 1;
  private static final byte[] ALL_NODES = {(byte) 0xff, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

  private final NativeLibC libc;
  private final int packetFd;
  private final int icmp6Fd;
  private final InterfaceQuery interfaces;
  private volatile boolean closed;

  /**
   * Opens the sockets.
   *
   * @throws NetworkException naming CAP_NET_RAW when the process lacks it
   */
  public PacketAnnouncer(NativeLibC libc) {
    this.libc = libc;
    LibC c = libc.calls();
    // Protocol 0: the socket receives nothing, so it costs nothing while idle.
    this.packetFd = c.socket(AF_PACKET, SOCK_RAW | SOCK_CLOEXEC, 0);
    if (packetFd < 0) {
      throw Errno.failure("socket(AF_PACKET, SOCK_RAW, 0)", libc.errno(), CAP);
    }
    this.icmp6Fd = openIcmp6(libc);
    this.interfaces = new InterfaceQuery(libc, packetFd);
    warmUp();
  }

  /**
   * Binds the ioctl stub and runs the frame builders now rather than on the first
   * announcement, i.e. at failover (milliseconds cold). Nothing is sent.
   */
  private void warmUp() {
    try {
      byte[] mac = interfaces.query("lo").mac();
      ArpFrames.garpReply(mac, (Inet4Address) InetAddress.getByAddress(new byte[4]));
      NeighborAdvertisements.unsolicited((Inet6Address) InetAddress.getByAddress(new byte[16]), mac);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    } catch (NetworkException e) {
      LOG.debug("announce: warm-up query of lo failed: {}", e.getMessage());
    }
  }

  private static int openIcmp6(NativeLibC libc) {
    LibC c = libc.calls();
    int fd = c.socket(AF_INET6, SOCK_RAW | SOCK_CLOEXEC, IPPROTO_ICMPV6);
    if (fd < 0) {
      int errno = libc.errno();
      if (errno == Errno.EAFNOSUPPORT) {
        return -1; // IPv6 disabled on this host: IPv4 announcements still work
      }
      throw Errno.failure("socket(AF_INET6, SOCK_RAW, IPPROTO_ICMPV6)", errno, CAP);
    }
    byte[] hops = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(255).array();
    if (c.setsockopt(fd, IPPROTO_IPV6, IPV6_MULTICAST_HOPS, hops, 4) != 0) {
      int errno = libc.errno();
      c.close(fd);
      throw Errno.failure("setsockopt(IPV6_MULTICAST_HOPS, 255)", errno, null);
    }
    // Block every ICMPv6 type on receive: this socket only sends.
    byte[] blockAll = new byte[32];
    Arrays.fill(blockAll, (byte) 0xFF);
    c.setsockopt(fd, IPPROTO_ICMPV6, ICMP6_FILTER, blockAll, blockAll.length);
    return fd;
  }

  @Override
  public void announce(Vip vip) {
    if (closed) {
      throw new IllegalStateException("announcer is closed");
    }
    InterfaceQuery.Info nic = interfaces.query(vip.interfaceName());
    if (nic.hardwareType() != InterfaceQuery.ARPHRD_ETHER) {
      LOG.debug("announce: {} is not Ethernet (ARPHRD {}); nothing to announce", vip.interfaceName(), nic.hardwareType());
      return;
    }
    if (vip.address() instanceof Inet4Address v4) {
      sendFrame(ArpFrames.garpRequest(nic.mac(), v4), nic.index(), "gratuitous ARP request " + vip);
      sendFrame(ArpFrames.garpReply(nic.mac(), v4), nic.index(), "gratuitous ARP reply " + vip);
    } else {
      sendNeighborAdvertisement((Inet6Address) vip.address(), nic, vip);
    }
  }

  private void sendFrame(byte[] frame, int ifindex, String what) {
    // struct sockaddr_ll { u16 family; be16 protocol; i32 ifindex; u16 hatype; u8 pkttype; u8 halen; u8 addr[8]; }
    byte[] sll = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder())
        .putShort((short) AF_PACKET)
        .put((byte) (ArpFrames.ETHERTYPE_ARP >> 8)).put((byte) ArpFrames.ETHERTYPE_ARP)
        .putInt(ifindex).putShort((short) InterfaceQuery.ARPHRD_ETHER).put((byte) 0).put((byte) 6)
        .put(new byte[] {-1, -1, -1, -1, -1, -1, 0, 0})
        .array();
    if (libc.calls().sendto(packetFd, frame, frame.length, 0, sll, sll.length) < 0) {
      throw Errno.failure("sendto " + what, libc.errno(), CAP);
    }
  }

  private void sendNeighborAdvertisement(Inet6Address target, InterfaceQuery.Info nic, Vip vip) {
    if (icmp6Fd < 0) {
      throw new NetworkException("unsolicited NA " + vip + ": IPv6 is disabled on this host", Errno.EAFNOSUPPORT);
    }
    // struct sockaddr_in6 { u16 family; be16 port; u32 flowinfo; u8 addr[16]; u32 scope_id; }
    byte[] sin6 = ByteBuffer.allocate(28).order(ByteOrder.nativeOrder())
        .putShort((short) AF_INET6).putShort((short) 0).putInt(0).put(ALL_NODES).putInt(nic.index())
        .array();
    byte[] na = NeighborAdvertisements.unsolicited(target, nic.mac());
    if (libc.calls().sendto(icmp6Fd, na, na.length, 0, sin6, sin6.length) < 0) {
      throw Errno.failure("sendto unsolicited NA " + vip + " to ff02::1", libc.errno(), CAP);
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      libc.calls().close(packetFd);
      if (icmp6Fd >= 0) {
        libc.calls().close(icmp6Fd);
      }
    }
  }
}
