package io.raftvip.systemd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class SockaddrUnTest {

  @Test
  void path_isNulTerminatedAndLengthCountsTheNul() {
    SockaddrUn a = SockaddrUn.of("/run/x");

    byte[] bytes = a.bytes();
    assertEquals(1, ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder()).getShort());
    assertArrayEquals("/run/x\0".getBytes(), Arrays.copyOfRange(bytes, 2, 9));
    assertEquals(2 + 7, a.length());
  }

  @Test
  void abstract_startsWithNulAndLengthExcludesTrailingNul() {
    SockaddrUn a = SockaddrUn.of("@ab");

    byte[] bytes = a.bytes();
    assertArrayEquals(new byte[] {0, 'a', 'b'}, Arrays.copyOfRange(bytes, 2, 5));
    assertEquals(2 + 3, a.length());
  }

  @Test
  void longestPathFits_oneMoreIsRejected() {
    assertEquals(110, SockaddrUn.of("/" + "p".repeat(106)).length());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SockaddrUn.of("/" + "p".repeat(107)));
    assertTrue(e.getMessage().contains("1..107"), e.getMessage());
  }

  @Test
  void relativeOrEmpty_rejected() {
    assertThrows(IllegalArgumentException.class, () -> SockaddrUn.of("run/notify"));
    assertThrows(IllegalArgumentException.class, () -> SockaddrUn.of("@"));
    assertThrows(IllegalArgumentException.class, () -> SockaddrUn.of(""));
  }
}
