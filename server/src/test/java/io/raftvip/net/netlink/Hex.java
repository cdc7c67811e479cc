package io.raftvip.net.netlink;

import java.util.HexFormat;

/** Hex strings with spaces for readable expected byte layouts in tests. */
final class Hex {

  private Hex() {
  }

  static byte[] bytes(String spaced) {
    return HexFormat.of().parseHex(spaced.replaceAll("\\s+", ""));
  }

  static String of(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
