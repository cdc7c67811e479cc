package io.raftvip.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine.TypeConversionException;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DurationConverterTest {
  private final DurationConverter converter = new DurationConverter();

  @Test
  void units() {
    assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
    assertEquals(Duration.ofSeconds(5), converter.convert("5s"));
    assertEquals(Duration.ofMinutes(2), converter.convert("2m"));
  }

  @Test
  void rejectsZeroBareAndNegative() {
    assertThrows(TypeConversionException.class, () -> converter.convert("0s"));
    assertThrows(TypeConversionException.class, () -> converter.convert("5"));
    assertThrows(TypeConversionException.class, () -> converter.convert("-5s"));
    assertThrows(TypeConversionException.class, () -> converter.convert("5h"));
  }
}
