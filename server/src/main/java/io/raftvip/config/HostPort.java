package io.raftvip.config;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A TCP endpoint as written in the config: {@code 10.4.0.10:7420}, {@code [fd00::10]:7420} or
 * {@code node1.example:7420}. Host names are kept as written and not resolved here: resolving is
 * the transport's job, and a config check must not depend on DNS.
 *
 * @param host an IP literal (IPv6 without brackets) or a host name
 * @param port 1..65535
 */
public record HostPort(String host, int port) {

  /** A DNS host name (labels of letters, digits and inner hyphens). */
  static final Pattern HOST_NAME = Pattern.compile(
      "(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
          + "(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

  public HostPort {
    Objects.requireNonNull(host, "host");
  }

  /**
   * Parses {@code HOST:PORT}.
   *
   * @param text e.g. {@code 10.4.0.10:7420} or {@code [fd00::10]:7420}
   * @return the endpoint
   * @throws IllegalArgumentException naming the text and the rule it breaks
   */
  public static HostPort parse(String text) {
    String host;
    String port;
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0 || !text.startsWith(":", close + 1)) {
        throw bad(text, "must be [IPV6]:PORT, e.g. [fd00::10]:7420");
      }
      host = text.substring(1, close);
      port = text.substring(close + 2);
      if (!host.contains(":")) {
        throw bad(text, "uses brackets for a non-IPv6 host; write " + host + ":" + port);
      }
    } else {
      int colon = text.lastIndexOf(':');
      if (colon < 0) {
        throw bad(text, "must be HOST:PORT, e.g. 10.4.0.10:7420");
      }
      host = text.substring(0, colon);
      port = text.substring(colon + 1);
      if (host.contains(":")) {
        throw bad(text, "needs brackets around the IPv6 address, e.g. [fd00::10]:7420");
      }
    }
    if (host.isEmpty()) {
      throw bad(text, "has no host; write e.g. 0.0.0.0:" + port + " to listen on all addresses");
    }
    checkHost(text, host);
    if (!PORT.matcher(port).matches() || Integer.parseInt(port) < 1
        || Integer.parseInt(port) > 65535) {
      throw bad(text, "has port '" + port + "'; the port must be 1..65535");
    }
    return new HostPort(host.toLowerCase(java.util.Locale.ROOT), Integer.parseInt(port));
  }

  private static void checkHost(String text, String host) {
    if (host.contains(":") || host.matches("[0-9.]+")) {
      try {
        IpLiteral.parse(host);
      } catch (IllegalArgumentException e) {
        throw bad(text, "has an invalid IP address: " + e.getMessage());
      }
    } else if (!HOST_NAME.matcher(host).matches()) {
      throw bad(text, "has host '" + host + "', neither an IP address nor a valid host name");
    }
  }

  private static IllegalArgumentException bad(String text, String rule) {
    return new IllegalArgumentException("'" + text + "' " + rule);
  }

  /** @return {@code host:port}, an IPv6 host in brackets */
  @Override
  public String toString() {
    return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
  }
}
