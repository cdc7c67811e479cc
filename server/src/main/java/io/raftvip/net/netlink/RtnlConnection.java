package io.raftvip.net.netlink;

import io.raftvip.net.NetworkException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Request/response over one netlink socket: numbers each request, waits (with a deadline) for
 * the matching acknowledgement or the end of a dump, and skips stray replies to earlier
 * requests that timed out. Synchronised, so one connection serves every thread.
 */
final class RtnlConnection implements AutoCloseable {

  /** A finished request: the data messages received and the final errno (0 = success). */
  record Reply(List<NetlinkMessage> messages, NetlinkError error) {
  }

  private static final int DUMP_ATTEMPTS = 3;

  private final NetlinkSocket socket;
  private final long timeoutNanos;
  private final byte[] buffer = new byte[65536];
  private int seq = (int) (System.nanoTime() & 0x3FFFFFFF);

  RtnlConnection(NetlinkSocket socket, Duration timeout) {
    this.socket = socket;
    this.timeoutNanos = timeout.toNanos();
  }

  /** @return the port id of the underlying socket */
  int portId() {
    return socket.portId();
  }

  /** @return a fresh sequence number for the next request */
  synchronized int nextSeq() {
    return ++seq;
  }

  /**
   * Sends a request carrying NLM_F_ACK and waits for its NLMSG_ERROR.
   *
   * @return the data messages before the ack (e.g. RTM_NEWLINK for a get) and the ack itself
   */
  synchronized Reply request(byte[] message, int requestSeq, String operation) {
    socket.send(message, operation);
    return await(requestSeq, operation, false);
  }

  /** Sends a dump request and collects every part until NLMSG_DONE, retrying an interrupted dump. */
  synchronized List<NetlinkMessage> dump(IntFunction<byte[]> request, String operation) {
    for (int attempt = 1; ; attempt++) {
      int s = ++seq;
      socket.send(request.apply(s), operation);
      Reply reply = await(s, operation, true);
      if (reply.error().errno() != 0) {
        throw Errno.failure(operation, reply.error().errno(), null);
      }
      boolean interrupted = reply.messages().stream().anyMatch(m -> (m.flags() & Rtnl.NLM_F_DUMP_INTR) != 0);
      if (!interrupted || attempt == DUMP_ATTEMPTS) {
        return reply.messages();
      }
    }
  }

  private Reply await(int requestSeq, String operation, boolean dump) {
    long deadline = System.nanoTime() + timeoutNanos;
    List<NetlinkMessage> data = new ArrayList<>();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new NetworkException(operation + ": no reply from the kernel within "
            + Duration.ofNanos(timeoutNanos).toMillis() + " ms", Errno.ETIMEDOUT);
      }
      int n = socket.receive(buffer, (int) Math.max(1, left / 1_000_000), operation);
      if (n < 0) {
        continue;
      }
      // A copy: dump parts are kept while the buffer is reused for the next datagram.
      for (NetlinkMessage m : NetlinkMessage.parseAll(Arrays.copyOf(buffer, n), n)) {
        if (m.seq() != requestSeq) {
          continue; // a late reply to an earlier request that timed out
        }
        if (m.type() == Rtnl.NLMSG_ERROR) {
          return new Reply(data, NetlinkError.decode(m));
        }
        if (m.type() == Rtnl.NLMSG_DONE && dump) {
          int err = m.body().limit() >= 4 ? -m.body().getInt(0) : 0;
          return new Reply(data, new NetlinkError(err, m.seq(), null));
        }
        if (m.type() != Rtnl.NLMSG_NOOP && m.type() != Rtnl.NLMSG_DONE) {
          data.add(m);
        }
      }
    }
  }

  @Override
  public synchronized void close() {
    socket.close();
  }
}
