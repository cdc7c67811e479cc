package io.raftvip.announce;

import java.net.Inet4Address;
import java.nio.ByteBuffer;

/**
 * Builds gratuitous ARP Ethernet frames (42 bytes: 14 Ethernet + 28 ARP), broadcast, in both
 * forms because devices differ in which they honour: a request (target MAC zero) and a reply
 * whose target MAC equals the sender's (Linux treats a reply as gratuitous only then). Sender
 * IP and target IP are both the VIP.
 */
final class ArpFrames {

  static final int LENGTH = 42;
  static final int ETHERTYPE_ARP = 0x0806;
  private static final int OP_REQUEST = 1;
  private static final int OP_REPLY = 2;

  private ArpFrames() {
  }

  /** @return the request form */
  static byte[] garpRequest(byte[] mac, Inet4Address vip) {
    return frame(mac, vip, OP_REQUEST, new byte[6]);
  }

  /** @return the reply form */
  static byte[] garpReply(byte[] mac, Inet4Address vip) {
    return frame(mac, vip, OP_REPLY, mac);
  }

  private static byte[] frame(byte[] mac, Inet4Address vip, int op, byte[] targetMac) {
    if (mac.length != 6) {
      throw new IllegalArgumentException("MAC must be 6 bytes, got " + mac.length);
    }
    byte[] ip = vip.getAddress();
    ByteBuffer b = ByteBuffer.allocate(LENGTH); // big-endian: network order
    b.put(new byte[] {-1, -1, -1, -1, -1, -1}).put(mac).putShort((short) ETHERTYPE_ARP);
    b.putShort((short) 1)          // htype Ethernet
        .putShort((short) 0x0800)  // ptype IPv4
        .put((byte) 6).put((byte) 4)
        .putShort((short) op)
        .put(mac).put(ip)
        .put(targetMac).put(ip);
    return b.array();
  }
}
