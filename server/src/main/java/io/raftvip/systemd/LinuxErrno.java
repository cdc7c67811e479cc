package io.raftvip.systemd;

/**
 * Names Linux errno values for error messages ("ECONNREFUSED (Connection refused)"). Only the
 * values sending a datagram to a Unix socket can plausibly produce are named; others print as
 * {@code errno N}.
 */
final class LinuxErrno {

  private LinuxErrno() {}

  /** The symbolic name, e.g. {@code ENOENT}, or {@code errno N} when not one we know. */
  static String name(int errno) {
    return switch (errno) {
      case 1 -> "EPERM";
      case 2 -> "ENOENT";
      case 4 -> "EINTR";
      case 9 -> "EBADF";
      case 11 -> "EAGAIN";
      case 12 -> "ENOMEM";
      case 13 -> "EACCES";
      case 20 -> "ENOTDIR";
      case 22 -> "EINVAL";
      case 23 -> "ENFILE";
      case 24 -> "EMFILE";
      case 32 -> "EPIPE";
      case 36 -> "ENAMETOOLONG";
      case 40 -> "ELOOP";
      case 88 -> "ENOTSOCK";
      case 90 -> "EMSGSIZE";
      case 91 -> "EPROTOTYPE";
      case 97 -> "EAFNOSUPPORT";
      case 105 -> "ENOBUFS";
      case 111 -> "ECONNREFUSED";
      default -> "errno " + errno;
    };
  }
}
