package io.raftvip.net.netlink;

import io.raftvip.net.NetworkException;
import java.util.Map;

/**
 * Linux errno numbers by name, and the message format raftvip uses for native failures:
 * {@code "RTM_NEWADDR 10.4.0.9/32 dev end0: ENODEV (No such device)"}. A fixed table rather than
 * strerror(3) so messages do not depend on the C library's locale.
 */
public final class Errno {

  public static final int EPERM = 1;
  public static final int ENOENT = 2;
  public static final int EINTR = 4;
  public static final int EAGAIN = 11;
  public static final int ENOMEM = 12;
  public static final int EACCES = 13;
  public static final int EBUSY = 16;
  public static final int EEXIST = 17;
  public static final int ENODEV = 19;
  public static final int EINVAL = 22;
  public static final int ENOTSUP = 95;
  public static final int EAFNOSUPPORT = 97;
  public static final int EADDRINUSE = 98;
  public static final int EADDRNOTAVAIL = 99;
  public static final int ENETDOWN = 100;
  public static final int ENETUNREACH = 101;
  public static final int ENOBUFS = 105;
  public static final int ETIMEDOUT = 110;
  public static final int EPROTONOSUPPORT = 93;
  public static final int EOPNOTSUPP = ENOTSUP;
  public static final int EMSGSIZE = 90;
  public static final int ENXIO = 6;
  public static final int ERANGE = 34;

  private record Entry(String name, String text) {
  }

  private static final Map<Integer, Entry> TABLE = Map.ofEntries(
      Map.entry(EPERM, new Entry("EPERM", "Operation not permitted")),
      Map.entry(ENOENT, new Entry("ENOENT", "No such file or directory")),
      Map.entry(EINTR, new Entry("EINTR", "Interrupted system call")),
      Map.entry(ENXIO, new Entry("ENXIO", "No such device or address")),
      Map.entry(EAGAIN, new Entry("EAGAIN", "Resource temporarily unavailable")),
      Map.entry(ENOMEM, new Entry("ENOMEM", "Cannot allocate memory")),
      Map.entry(EACCES, new Entry("EACCES", "Permission denied")),
      Map.entry(EBUSY, new Entry("EBUSY", "Device or resource busy")),
      Map.entry(EEXIST, new Entry("EEXIST", "File exists")),
      Map.entry(ENODEV, new Entry("ENODEV", "No such device")),
      Map.entry(EINVAL, new Entry("EINVAL", "Invalid argument")),
      Map.entry(ERANGE, new Entry("ERANGE", "Numerical result out of range")),
      Map.entry(EMSGSIZE, new Entry("EMSGSIZE", "Message too long")),
      Map.entry(EPROTONOSUPPORT, new Entry("EPROTONOSUPPORT", "Protocol not supported")),
      Map.entry(ENOTSUP, new Entry("EOPNOTSUPP", "Operation not supported")),
      Map.entry(EAFNOSUPPORT, new Entry("EAFNOSUPPORT", "Address family not supported by protocol")),
      Map.entry(EADDRINUSE, new Entry("EADDRINUSE", "Address already in use")),
      Map.entry(EADDRNOTAVAIL, new Entry("EADDRNOTAVAIL", "Cannot assign requested address")),
      Map.entry(ENETDOWN, new Entry("ENETDOWN", "Network is down")),
      Map.entry(ENETUNREACH, new Entry("ENETUNREACH", "Network is unreachable")),
      Map.entry(ENOBUFS, new Entry("ENOBUFS", "No buffer space available")),
      Map.entry(ETIMEDOUT, new Entry("ETIMEDOUT", "Connection timed out")));

  private Errno() {
  }

  /** @return the symbolic name, e.g. {@code "ENODEV"}, or {@code "errno 123"} when unknown */
  public static String name(int errno) {
    Entry e = TABLE.get(errno);
    return e == null ? "errno " + errno : e.name;
  }

  /** @return e.g. {@code "ENODEV (No such device)"} */
  public static String describe(int errno) {
    Entry e = TABLE.get(errno);
    return e == null ? "errno " + errno : e.name + " (" + e.text + ")";
  }

  /**
   * Builds the exception for a failed call.
   *
   * @param operation the call and its arguments, e.g. {@code "RTM_NEWADDR 10.4.0.9/32 dev end0"}
   * @param errno the positive errno
   * @param capability the capability the call needs, e.g. {@code "CAP_NET_ADMIN"}; named in the
   *                   message when the errno is EPERM or EACCES
   */
  public static NetworkException failure(String operation, int errno, String capability) {
    return failure(operation, errno, capability, null);
  }

  /**
   * As {@link #failure(String, int, String)}, adding the kernel's own explanation (netlink
   * extended ack) when there is one.
   */
  public static NetworkException failure(String operation, int errno, String capability, String kernelText) {
    String msg = operation + ": " + describe(errno);
    if (kernelText != null && !kernelText.isEmpty()) {
      msg += " [kernel: " + kernelText + "]";
    }
    if ((errno == EPERM || errno == EACCES) && capability != null) {
      msg += "; this needs " + capability + " (run as root or grant it, e.g. AmbientCapabilities="
          + capability + " in the systemd unit)";
    }
    return new NetworkException(msg, errno);
  }
}
