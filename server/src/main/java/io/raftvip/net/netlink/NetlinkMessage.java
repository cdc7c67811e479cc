package io.raftvip.net.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * One received netlink message: header fields and the body after the 16-byte header.
 *
 * @param type nlmsg_type
 * @param flags nlmsg_flags
 * @param seq nlmsg_seq
 * @param portId nlmsg_pid: for kernel events, the port id of the socket whose request caused them
 * @param body the bytes after the header, native order, position 0
 */
record NetlinkMessage(int type, int flags, int seq, int portId, ByteBuffer body) {

  /**
   * Splits a datagram into its messages.
   *
   * @throws IllegalArgumentException when a length field is inconsistent with the datagram
   */
  static List<NetlinkMessage> parseAll(byte[] data, int length) {
    ByteBuffer all = ByteBuffer.wrap(data, 0, length).order(ByteOrder.nativeOrder());
    List<NetlinkMessage> out = new ArrayList<>();
    int off = 0;
    while (off + Rtnl.NLMSG_HDRLEN <= length) {
      int len = all.getInt(off);
      if (len < Rtnl.NLMSG_HDRLEN || off + len > length) {
        throw new IllegalArgumentException("malformed netlink message at offset " + off
            + ": nlmsg_len " + len + ", datagram " + length + " bytes");
      }
      ByteBuffer body = ByteBuffer.wrap(data, off + Rtnl.NLMSG_HDRLEN, len - Rtnl.NLMSG_HDRLEN)
          .slice().order(ByteOrder.nativeOrder());
      out.add(new NetlinkMessage(all.getShort(off + 4) & 0xFFFF, all.getShort(off + 6) & 0xFFFF,
          all.getInt(off + 8), all.getInt(off + 12), body));
      off += Rtnl.align(len);
    }
    return out;
  }

  /** @return the body's attributes, which start after a fixed family header of {@code fixedLen} bytes */
  NetlinkAttributes attributes(int fixedLen) {
    return NetlinkAttributes.parse(body, fixedLen);
  }
}
