package io.raftvip.net.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The attributes (type-length-value, 4-byte aligned) of one netlink message, by type. */
final class NetlinkAttributes {

  /** Strips NLA_F_NESTED and NLA_F_NET_BYTEORDER from the type field. */
  private static final int NLA_TYPE_MASK = 0x3FFF;

  private final Map<Integer, ByteBuffer> byType;

  private NetlinkAttributes(Map<Integer, ByteBuffer> byType) {
    this.byType = byType;
  }

  /**
   * Parses attributes from {@code offset} to the end of {@code body}. A later attribute of the
   * same type wins, as in the kernel's own parser.
   */
  static NetlinkAttributes parse(ByteBuffer body, int offset) {
    Map<Integer, ByteBuffer> map = new HashMap<>();
    int off = offset;
    while (off + 4 <= body.limit()) {
      int len = body.getShort(off) & 0xFFFF;
      int type = body.getShort(off + 2) & NLA_TYPE_MASK;
      if (len < 4 || off + len > body.limit()) {
        throw new IllegalArgumentException("malformed netlink attribute at offset " + off
            + ": nla_len " + len + ", body " + body.limit() + " bytes");
      }
      map.put(type, body.slice(off + 4, len - 4).order(ByteOrder.nativeOrder()));
      off += Rtnl.align(len);
    }
    return new NetlinkAttributes(map);
  }

  boolean has(int type) {
    return byType.containsKey(type);
  }

  /** @return a copy of the attribute's value, or null when absent */
  byte[] bytes(int type) {
    ByteBuffer b = byType.get(type);
    if (b == null) {
      return null;
    }
    byte[] out = new byte[b.remaining()];
    b.duplicate().get(out);
    return out;
  }

  /** @return the value as a C string (up to the first NUL), or null when absent */
  String string(int type) {
    byte[] b = bytes(type);
    if (b == null) {
      return null;
    }
    int n = 0;
    while (n < b.length && b[n] != 0) {
      n++;
    }
    return new String(b, 0, n, StandardCharsets.US_ASCII);
  }

  /** @return the first byte, or {@code absent} */
  int u8(int type, int absent) {
    ByteBuffer b = byType.get(type);
    return b == null || b.remaining() < 1 ? absent : b.get(0) & 0xFF;
  }

  /** @return the value as an unsigned 32-bit number, or {@code absent} */
  long u32(int type, long absent) {
    ByteBuffer b = byType.get(type);
    return b == null || b.remaining() < 4 ? absent : b.getInt(0) & 0xFFFFFFFFL;
  }

  /** @return the raw value (native order, read-only use), or null */
  ByteBuffer buffer(int type) {
    ByteBuffer b = byType.get(type);
    return b == null ? null : b.duplicate().order(ByteOrder.nativeOrder());
  }
}
