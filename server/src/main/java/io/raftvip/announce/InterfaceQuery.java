package io.raftvip.announce;

import io.raftvip.net.netlink.Errno;
import io.raftvip.net.netlink.NativeLibC;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Looks up an interface's index and hardware address with ioctl(2) on a socket we own, so the
 * answer comes from that socket's network namespace (not the calling thread's, as
 * if_nametoindex(3) would). Asked at every announcement: interfaces get recreated.
 */
final class InterfaceQuery {

  /** An interface's current index and hardware address. */
  record Info(int index, int hardwareType, byte[] mac) {
  }

  static final int ARPHRD_ETHER = 1;
  private static final long SIOCGIFHWADDR = 0x8927;
  private static final long SIOCGIFINDEX = 0x8933;
  private static final int IFREQ_SIZE = 40;
  private static final int IFNAMSIZ = 16;

  private final NativeLibC libc;
  private final int fd;

  InterfaceQuery(NativeLibC libc, int fd) {
    this.libc = libc;
    this.fd = fd;
  }

  Info query(String name) {
    byte[] req = ifreq(name);
    if (libc.calls().ioctl(fd, SIOCGIFINDEX, req) != 0) {
      throw Errno.failure("SIOCGIFINDEX " + name, libc.errno(), null);
    }
    int index = ByteBuffer.wrap(req).order(ByteOrder.nativeOrder()).getInt(IFNAMSIZ);
    req = ifreq(name);
    if (libc.calls().ioctl(fd, SIOCGIFHWADDR, req) != 0) {
      throw Errno.failure("SIOCGIFHWADDR " + name, libc.errno(), null);
    }
    // ifr_hwaddr is a struct sockaddr: u16 sa_family (ARPHRD_*), then the address bytes.
    int hwType = ByteBuffer.wrap(req).order(ByteOrder.nativeOrder()).getShort(IFNAMSIZ) & 0xFFFF;
    byte[] mac = Arrays.copyOfRange(req, IFNAMSIZ + 2, IFNAMSIZ + 8);
    return new Info(index, hwType, mac);
  }

  private static byte[] ifreq(String name) {
    byte[] n = name.getBytes(StandardCharsets.US_ASCII);
    if (n.length >= IFNAMSIZ) {
      throw new IllegalArgumentException("interface name longer than 15 characters: " + name);
    }
    byte[] req = new byte[IFREQ_SIZE];
    System.arraycopy(n, 0, req, 0, n.length);
    return req;
  }
}
