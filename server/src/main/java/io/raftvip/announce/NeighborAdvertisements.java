package io.raftvip.announce;

import java.net.Inet6Address;
import java.nio.ByteBuffer;

/**
 * Builds the ICMPv6 part of an unsolicited Neighbor Advertisement (RFC 4861 4.4): type 136,
 * code 0, checksum left 0 for the kernel to fill, flags Override only (an unsolicited NA must
 * not claim Solicited, and we are no router), the VIP as target, and a target link-layer
 * address option with our MAC. 32 bytes.
 */
final class NeighborAdvertisements {

  static final int LENGTH = 32;
  static final int TYPE_NEIGHBOR_ADVERTISEMENT = 136;
  private static final int FLAG_OVERRIDE = 0x20000000;
  private static final int OPTION_TARGET_LINK_LAYER_ADDRESS = 2;

  private NeighborAdvertisements() {
  }

  static byte[] unsolicited(Inet6Address target, byte[] mac) {
    if (mac.length != 6) {
      throw new IllegalArgumentException("MAC must be 6 bytes, got " + mac.length);
    }
    return ByteBuffer.allocate(LENGTH)
        .put((byte) TYPE_NEIGHBOR_ADVERTISEMENT).put((byte) 0).putShort((short) 0)
        .putInt(FLAG_OVERRIDE)
        .put(target.getAddress())
        .put((byte) OPTION_TARGET_LINK_LAYER_ADDRESS).put((byte) 1) // length in units of 8 bytes
        .put(mac)
        .array();
  }
}
