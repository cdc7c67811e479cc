package io.raftvip.systemd;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An encoded Linux {@code struct sockaddr_un}: a native-endian {@code sa_family_t} followed by
 * {@code sun_path[108]}. A name starting with {@code '@'} is an abstract socket (systemd's
 * notation): the {@code '@'} becomes a leading NUL byte and the address length covers exactly the
 * name, with no terminating NUL, because abstract names are length-delimited and a stray NUL
 * would name a different socket.
 */
final class SockaddrUn {

  /** {@code sizeof(sun_path)} on Linux. */
  static final int SUN_PATH_SIZE = 108;

  private static final int FAMILY_SIZE = 2;

  private final String name;
  private final byte[] bytes;
  private final int length;

  private SockaddrUn(String name, byte[] bytes, int length) {
    this.name = name;
    this.bytes = bytes;
    this.length = length;
  }

  /**
   * Encodes a socket name as systemd writes it in {@code $NOTIFY_SOCKET}.
   *
   * @param name an absolute path ({@code /run/systemd/notify}) or an abstract name ({@code @...})
   * @throws IllegalArgumentException if the name is neither, or does not fit in {@code sun_path}
   */
  static SockaddrUn of(String name) {
    boolean isAbstract = name.startsWith("@");
    if (!isAbstract && !name.startsWith("/")) {
      throw new IllegalArgumentException(
          "unix socket '" + name + "': must be an absolute path or start with '@' (abstract)");
    }
    byte[] path = name.getBytes(StandardCharsets.UTF_8);
    // A filesystem path needs room for its terminating NUL; an abstract name does not have one.
    int pathLength = isAbstract ? path.length : path.length + 1;
    if (path.length < 2 || pathLength > SUN_PATH_SIZE) {
      throw new IllegalArgumentException(
          "unix socket '" + name + "': name must be 1.." + (SUN_PATH_SIZE - 1)
              + " bytes, is " + (path.length - (isAbstract ? 1 : 0)));
    }
    if (isAbstract) {
      path[0] = 0;
    }
    ByteBuffer buf = ByteBuffer.allocate(FAMILY_SIZE + SUN_PATH_SIZE).order(ByteOrder.nativeOrder());
    buf.putShort((short) UnixDatagramLibC.AF_UNIX).put(path);
    return new SockaddrUn(name, buf.array(), FAMILY_SIZE + pathLength);
  }

  /** The whole {@code struct sockaddr_un}, zero-padded. */
  byte[] bytes() {
    return bytes.clone();
  }

  /** The {@code socklen_t} to pass with {@link #bytes()}. */
  int length() {
    return length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SockaddrUn other
        && length == other.length
        && Arrays.equals(bytes, other.bytes);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(bytes) + length;
  }

  /** The name as given, e.g. {@code @/org/freedesktop/systemd1/notify/123}. */
  @Override
  public String toString() {
    return name;
  }
}
