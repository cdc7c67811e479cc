package io.raftvip.admin;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Checks request fields before they reach the backend (also those another member forwards to this
 * one as the leader). Each refusal is INVALID_ARGUMENT naming the field, the value and the rule, so
 * an operator can fix the command line without reading code.
 */
public final class RequestValidator {

  static final int MIN_PRIORITY = 0;
  static final int MAX_PRIORITY = 100;

  private static final String ID_RULE =
      "must match [A-Za-z0-9][A-Za-z0-9._-]{0,62} (a letter or digit, then at most 62 letters,"
          + " digits, '.', '_' or '-')";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
  private static final String ADDRESS_RULE =
      "must be HOST:PORT with a host name, an IPv4 address or a bracketed IPv6 address"
          + " ([2001:db8::1]:9870) and a port 1..65535";
  private static final String LABEL = "[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
  private static final Pattern HOST_NAME = Pattern.compile(LABEL + "(\\." + LABEL + ")*");
  private static final Pattern DOTTED_NUMBERS = Pattern.compile("[0-9.]+");
  private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");
  private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");

  private RequestValidator() {}

  /** Checks a node id; {@code field} names it in the message ("id", "to"). */
  public static void checkId(String field, String value) {
    if (!ID.matcher(value).matches()) {
      throw invalid(field, value, ID_RULE);
    }
  }

  /** Checks a Raft address HOST:PORT; IPv6 hosts must be bracketed. */
  public static void checkAddress(String field, String value) {
    if (!isHostPort(value)) {
      throw invalid(field, value, ADDRESS_RULE);
    }
  }

  /** Checks a leadership priority. */
  public static void checkPriority(String field, int value) {
    if (value < MIN_PRIORITY || value > MAX_PRIORITY) {
      throw invalid(field, Integer.toString(value),
          "must be " + MIN_PRIORITY + ".." + MAX_PRIORITY + " (0 = never preferred as leader)");
    }
  }

  private static boolean isHostPort(String value) {
    int colon = value.lastIndexOf(':');
    if (colon < 0 || !isPort(value.substring(colon + 1))) {
      return false;
    }
    String host = value.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]") && host.length() > 2) {
      return isIpv6(host.substring(1, host.length() - 1));
    }
    if (host.length() > 253 || host.indexOf(':') >= 0) {
      return false;
    }
    // All-numeric hosts are IPv4 literals; "999.1.1.1" must not pass as a host name.
    if (DOTTED_NUMBERS.matcher(host).matches()) {
      return IPV4.matcher(host).matches();
    }
    return HOST_NAME.matcher(host).matches();
  }

  private static boolean isPort(String text) {
    if (!PORT.matcher(text).matches()) {
      return false;
    }
    int port = Integer.parseInt(text);
    return port >= 1 && port <= 65535;
  }

  private static boolean isIpv6(String literal) {
    if (!IPV6_CHARS.matcher(literal).matches() || literal.indexOf(':') < 0) {
      return false;
    }
    try {
      // Brackets make the JDK parse a literal and never resolve a name.
      InetAddress.getByName("[" + literal + "]");
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static StatusRuntimeException invalid(String field, String value, String rule) {
    return Status.INVALID_ARGUMENT
        .withDescription(field + " '" + value + "' is invalid: " + rule)
        .asRuntimeException();
  }
}
