package io.raftvip.net;

import java.net.Inet4Address;
import java.net.InetAddress;

/**
 * An address as operators write it and {@code ip addr} prints it: IPv4 dotted, IPv6 in the RFC
 * 5952 short form ({@code fd00::9}). Java's {@link InetAddress#getHostAddress()} prints IPv6 in
 * full ({@code fd00:0:0:0:0:0:0:9}), which matches neither the configuration nor the kernel's
 * tools, so a VIP shown in a log line, the status or a metric label would look like another one.
 */
public final class AddressText {

  private AddressText() {
  }

  /** @return {@code address} in its canonical text form, without a zone */
  public static String format(InetAddress address) {
    if (address instanceof Inet4Address) {
      return address.getHostAddress();
    }
    final byte[] b = address.getAddress();
    final int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    // RFC 5952 4.2: compress the first longest run of two or more zero groups.
    int bestStart = -1;
    int bestLen = 1;
    for (int i = 0; i < 8; i++) {
      int len = 0;
      while (i + len < 8 && groups[i + len] == 0) {
        len++;
      }
      if (len > bestLen) {
        bestStart = i;
        bestLen = len;
      }
    }
    final StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLen - 1;
        continue;
      }
      if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }
}
