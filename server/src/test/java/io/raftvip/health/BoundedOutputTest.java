package io.raftvip.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BoundedOutputTest {

  @Test
  void keepsTheFirstBytes_readsAndCountsTheRest() {
    BoundedOutput output = new BoundedOutput(16);
    byte[] flood = new byte[1_000_000];
    java.util.Arrays.fill(flood, (byte) 'x');
    output.drain(new ByteArrayInputStream(flood));
    assertEquals(16, output.keptBytes());
    assertEquals(1_000_000, output.total());
    assertEquals("x".repeat(16), output.firstLine());
  }

  @Test
  void firstLine_skipsBlankLines_andStrips() {
    BoundedOutput output = new BoundedOutput(4096);
    output.drain(stream("\n  \n  etcd not ready  \nsecond\n"));
    assertEquals("etcd not ready", output.firstLine());
  }

  @Test
  void noOutput_hasAnEmptyFirstLine() {
    BoundedOutput output = new BoundedOutput(4096);
    output.drain(stream(""));
    assertEquals("", output.firstLine());
    assertEquals(0, output.total());
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
