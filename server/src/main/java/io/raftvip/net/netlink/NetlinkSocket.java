package io.raftvip.net.netlink;

import io.raftvip.net.NetworkException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One NETLINK_ROUTE socket. It belongs to the network namespace of the thread that opened it,
 * whichever thread uses it later. Receives wait with poll(2) so a reader can notice close()
 * (a blocking recv cannot be interrupted from Java). Not thread-safe; callers serialise.
 */
final class NetlinkSocket implements AutoCloseable {

  private static final int POLLIN = 0x1;
  private static final int EINTR = 4;
  private static final String CAP = "CAP_NET_ADMIN";

  private final NativeLibC libc;
  private final int fd;
  private final int portId;
  private boolean closed;

  private NetlinkSocket(NativeLibC libc, int fd, int portId) {
    this.libc = libc;
    this.fd = fd;
    this.portId = portId;
  }

  /**
   * Opens and binds a socket; the kernel assigns the port id.
   *
   * @param groups multicast group bits to join (0 for a request socket)
   * @param receiveBuffer SO_RCVBUF in bytes, or 0 to keep the default
   */
  static NetlinkSocket open(NativeLibC libc, int groups, int receiveBuffer) {
    LibC c = libc.calls();
    int fd = c.socket(Rtnl.AF_NETLINK, Rtnl.SOCK_RAW | Rtnl.SOCK_CLOEXEC, Rtnl.NETLINK_ROUTE);
    if (fd < 0) {
      throw Errno.failure("socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE)", libc.errno(), CAP);
    }
    try {
      // Best effort: without them we lose the kernel's error text or get bigger acks, nothing worse.
      c.setsockopt(fd, Rtnl.SOL_NETLINK, Rtnl.NETLINK_EXT_ACK, int32(1), 4);
      c.setsockopt(fd, Rtnl.SOL_NETLINK, Rtnl.NETLINK_CAP_ACK, int32(1), 4);
      if (receiveBuffer > 0) {
        c.setsockopt(fd, Rtnl.SOL_SOCKET, Rtnl.SO_RCVBUF, int32(receiveBuffer), 4);
      }
      byte[] addr = sockaddrNl(0, groups);
      if (c.bind(fd, addr, addr.length) != 0) {
        throw Errno.failure("bind(AF_NETLINK, groups 0x" + Integer.toHexString(groups) + ")", libc.errno(), CAP);
      }
      byte[] bound = new byte[12];
      int[] len = {bound.length};
      if (c.getsockname(fd, bound, len) != 0) {
        throw Errno.failure("getsockname(AF_NETLINK)", libc.errno(), null);
      }
      int portId = ByteBuffer.wrap(bound).order(ByteOrder.nativeOrder()).getInt(4);
      return new NetlinkSocket(libc, fd, portId);
    } catch (RuntimeException e) {
      c.close(fd);
      throw e;
    }
  }

  /** @return the port id the kernel assigned; events caused by our requests carry it */
  int portId() {
    return portId;
  }

  /** Sends one request to the kernel. */
  void send(byte[] message, String operation) {
    byte[] kernel = sockaddrNl(0, 0);
    long n = libc.calls().sendto(fd, message, message.length, 0, kernel, kernel.length);
    if (n < 0) {
      throw Errno.failure(operation + ": sendto", libc.errno(), CAP);
    }
  }

  /**
   * Waits up to {@code timeoutMillis} for one datagram.
   *
   * @return its length, or -1 when none arrived in time
   * @throws NetworkException on a receive error, ENOBUFS (lost events) included
   */
  int receive(byte[] buffer, int timeoutMillis, String operation) {
    LibC c = libc.calls();
    byte[] pollfd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder())
        .putInt(fd).putShort((short) POLLIN).putShort((short) 0).array();
    int ready = c.poll(pollfd, 1, timeoutMillis);
    if (ready < 0) {
      int errno = libc.errno();
      if (errno == EINTR) {
        return -1;
      }
      throw Errno.failure(operation + ": poll", errno, null);
    }
    if (ready == 0) {
      return -1;
    }
    long n = c.recv(fd, buffer, buffer.length, 0);
    if (n < 0) {
      throw Errno.failure(operation + ": recv", libc.errno(), null);
    }
    return (int) n;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      libc.calls().close(fd);
    }
  }

  private static byte[] sockaddrNl(int pid, int groups) {
    // struct sockaddr_nl { u16 family; u16 pad; u32 pid; u32 groups; }
    return ByteBuffer.allocate(12).order(ByteOrder.nativeOrder())
        .putShort((short) Rtnl.AF_NETLINK).putShort((short) 0).putInt(pid).putInt(groups).array();
  }

  private static byte[] int32(int v) {
    return ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(v).array();
  }
}
