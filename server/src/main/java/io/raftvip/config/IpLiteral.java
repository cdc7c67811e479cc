package io.raftvip.config;

import io.raftvip.net.AddressText;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * IP address literals without DNS: {@link InetAddress#getByName} would resolve a host name, and
 * a VIP must be an address, not a name that may change.
 */
final class IpLiteral {

  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

  private IpLiteral() {}

  /**
   * @param text an IPv4 dotted quad or an IPv6 literal without brackets
   * @return the address
   * @throws IllegalArgumentException naming the text and the rule it breaks
   */
  static InetAddress parse(String text) {
    if (text.indexOf('%') >= 0) {
      throw bad(text, "has a zone index; write the address alone");
    }
    if (IPV4.matcher(text).matches()) {
      return parseIpv4(text);
    }
    if (text.indexOf(':') >= 0 && IPV6_CHARS.matcher(text).matches()) {
      return parseIpv6(text);
    }
    throw bad(text, "is not an IPv4 or IPv6 address (host names are not accepted here)");
  }

  private static InetAddress parseIpv4(String text) {
    String[] parts = text.split("\\.");
    byte[] bytes = new byte[4];
    for (int i = 0; i < 4; i++) {
      if (parts[i].length() > 1 && parts[i].startsWith("0")) {
        throw bad(text, "has a leading zero in '" + parts[i] + "' (ambiguous: octal or decimal?)");
      }
      int octet = Integer.parseInt(parts[i]);
      if (octet > 255) {
        throw bad(text, "is not an IPv4 address: " + octet + " is over 255");
      }
      bytes[i] = (byte) octet;
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new AssertionError("4 bytes are always a valid IPv4 address", e);
    }
  }

  private static InetAddress parseIpv6(String text) {
    InetAddress address;
    try {
      // Java parses any text containing ':' as an IPv6 literal and never asks DNS for it.
      address = InetAddress.getByName(text);
    } catch (UnknownHostException e) {
      throw bad(text, "is not a valid IPv6 address");
    }
    if (!(address instanceof Inet6Address)) {
      throw bad(text, "is an IPv4-mapped IPv6 address; write " + address.getHostAddress());
    }
    return address;
  }

  /**
   * @param address any address
   * @return IPv4 dotted quad, or IPv6 in the RFC 5952 short form ({@code fd00::9})
   */
  static String format(InetAddress address) {
    return AddressText.format(address);
  }

  private static IllegalArgumentException bad(String text, String rule) {
    return new IllegalArgumentException("'" + text + "' " + rule);
  }
}
