package io.raftvip.net.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds one netlink message: the 16-byte header, a fixed family header written field by field,
 * then attributes, each padded to 4 bytes. Native byte order throughout, as the kernel expects.
 */
final class NetlinkMessageWriter {

  private final ByteBuffer buf = ByteBuffer.allocate(512).order(ByteOrder.nativeOrder());

  NetlinkMessageWriter(int type, int flags, int seq) {
    buf.putInt(0); // length, filled by build()
    buf.putShort((short) type);
    buf.putShort((short) flags);
    buf.putInt(seq);
    buf.putInt(0); // port id: 0 = let the kernel fill it in
  }

  NetlinkMessageWriter u8(int v) {
    buf.put((byte) v);
    return this;
  }

  NetlinkMessageWriter u16(int v) {
    buf.putShort((short) v);
    return this;
  }

  NetlinkMessageWriter u32(long v) {
    buf.putInt((int) v);
    return this;
  }

  NetlinkMessageWriter attr(int type, byte[] value) {
    pad();
    buf.putShort((short) (4 + value.length));
    buf.putShort((short) type);
    buf.put(value);
    pad();
    return this;
  }

  NetlinkMessageWriter attrU8(int type, int value) {
    return attr(type, new byte[] {(byte) value});
  }

  NetlinkMessageWriter attrU32(int type, long value) {
    return attr(type, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt((int) value).array());
  }

  /** A NUL-terminated string attribute. */
  NetlinkMessageWriter attrString(int type, String value) {
    byte[] s = value.getBytes(StandardCharsets.US_ASCII);
    return attr(type, Arrays.copyOf(s, s.length + 1));
  }

  byte[] build() {
    pad();
    int len = buf.position();
    buf.putInt(0, len);
    return Arrays.copyOf(buf.array(), len);
  }

  private void pad() {
    while ((buf.position() & 3) != 0) {
      buf.put((byte) 0);
    }
  }
}
