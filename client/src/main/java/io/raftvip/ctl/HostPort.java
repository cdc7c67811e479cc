package io.raftvip.ctl;

import java.util.regex.Pattern;

/**
 * A HOST:PORT pair as used for Raft addresses and TCP admin endpoints. IPv6 hosts are written in
 * brackets ({@code [fd00::1]:7420}), as in URIs, so the port is never ambiguous.
 *
 * @param host the host name or IP literal (IPv6 without brackets)
 * @param port the TCP port, 1..65535
 */
record HostPort(String host, int port) {
  private static final Pattern HOSTNAME =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*\\.?");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+(%[A-Za-z0-9._-]+)?");

  /**
   * Parses {@code text}.
   *
   * @param what what the value is, for the error message (e.g. "member address")
   * @throws CtlException (usage) naming the value and what is expected
   */
  static HostPort parse(String what, String text) {
    String expected = " (expected HOST:PORT, e.g. 10.4.0.11:7420 or [fd00::11]:7420)";
    if (text == null || text.isEmpty()) {
      throw CtlException.usage("invalid " + what + " '': empty" + expected);
    }
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw CtlException.usage("invalid " + what + " '" + text + "': missing host or port" + expected);
    }
    String host = text.substring(0, colon);
    String portText = text.substring(colon + 1);
    if (host.startsWith("[") && host.endsWith("]") && IPV6.matcher(host.substring(1, host.length() - 1)).matches()
        && host.contains(":")) {
      host = host.substring(1, host.length() - 1);
    } else if (!HOSTNAME.matcher(host).matches() || host.length() > 253) {
      throw CtlException.usage("invalid " + what + " '" + text + "': bad host '" + host + "'" + expected);
    }
    return new HostPort(host, port(what, text, portText, expected));
  }

  private static int port(String what, String text, String portText, String expected) {
    if (!portText.chars().allMatch(Character::isDigit) || portText.length() > 5) {
      throw CtlException.usage("invalid " + what + " '" + text + "': bad port '" + portText + "'" + expected);
    }
    int port = Integer.parseInt(portText);
    if (port < 1 || port > 65535) {
      throw CtlException.usage(
          "invalid " + what + " '" + text + "': port " + port + " is outside 1..65535" + expected);
    }
    return port;
  }

  /** HOST:PORT again, with brackets around IPv6 hosts. */
  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
