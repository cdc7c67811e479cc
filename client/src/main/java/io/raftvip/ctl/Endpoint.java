package io.raftvip.ctl;

/**
 * Where the admin API listens: a Unix-domain socket ({@code unix:///run/raftvip/admin.sock}) or a
 * TCP HOST:PORT.
 *
 * @param text the endpoint as the user wrote it, for messages
 * @param socketPath the absolute socket path, or null for TCP
 * @param hostPort the TCP address, or null for a Unix socket
 */
record Endpoint(String text, String socketPath, HostPort hostPort) {
  /** The daemon's default admin socket. */
  static final String DEFAULT = "unix:///run/raftvip/admin.sock";
  /** The environment variable that overrides {@link #DEFAULT}. */
  static final String ENV = "RAFTVIP_ENDPOINT";

  /**
   * Parses {@code unix:///PATH}, {@code unix:/PATH}, a bare absolute {@code /PATH}, or HOST:PORT.
   *
   * @throws CtlException (usage) naming the value and the accepted forms
   */
  static Endpoint parse(String text) {
    String path = null;
    if (text.startsWith("unix://")) {
      path = text.substring("unix://".length());
    } else if (text.startsWith("unix:")) {
      path = text.substring("unix:".length());
    } else if (text.startsWith("/")) {
      path = text;
    }
    if (path != null) {
      if (!path.startsWith("/") || path.length() < 2) {
        throw CtlException.usage("invalid --endpoint '" + text
            + "': a Unix socket needs an absolute path (unix:///run/raftvip/admin.sock)");
      }
      return new Endpoint(text, path, null);
    }
    if (text.contains("://")) {
      throw CtlException.usage("invalid --endpoint '" + text
          + "': expected unix:///PATH or HOST:PORT (no other URL schemes)");
    }
    return new Endpoint(text, null, HostPort.parse("--endpoint", text));
  }

  /** Whether this is a Unix-domain socket. */
  boolean isUnix() {
    return socketPath != null;
  }

  /** The gRPC target for a Unix socket: {@code unix:///PATH}. Only for {@link #isUnix()}. */
  String unixTarget() {
    return "unix://" + socketPath;
  }
}
