package io.raftvip.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as the config writes them: {@code 150ms}, {@code 1s}, {@code 1.5s}, {@code 2m},
 * {@code 1h}. A unit is mandatory (is {@code 70} seconds or milliseconds?); precision is whole
 * milliseconds, which is what Ratis and the timers use.
 */
final class DurationFormat {

  private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]+)?)(ms|s|m|h)");
  private static final Pattern BARE_NUMBER = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  private DurationFormat() {}

  /**
   * @param text e.g. {@code 150ms}
   * @return the duration
   * @throws IllegalArgumentException naming the text and the rule it breaks
   */
  static Duration parse(String text) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      if (BARE_NUMBER.matcher(text).matches()) {
        throw noUnit(text);
      }
      throw new IllegalArgumentException("'" + text
          + "' is not a duration; write a number and a unit (ms, s, m, h), e.g. 150ms, 1.5s or 2m");
    }
    BigDecimal millis = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitMillis(m.group(2))));
    try {
      return Duration.ofMillis(millis.longValueExact());
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number of milliseconds"
          + " or is too long; durations have millisecond precision");
    }
  }

  /** @return the error for a number written without a unit, e.g. {@code 70} */
  static IllegalArgumentException noUnit(String number) {
    String example = number.contains(".") ? number + "s" : number + "ms";
    return new IllegalArgumentException("'" + number + "' has no unit; write e.g. " + example);
  }

  private static long unitMillis(String unit) {
    return switch (unit) {
      case "ms" -> 1;
      case "s" -> 1_000;
      case "m" -> 60_000;
      case "h" -> 3_600_000;
      default -> throw new IllegalArgumentException("unit " + unit);
    };
  }

  /**
   * @param duration whole milliseconds
   * @return the shortest exact form that {@link #parse} reads back: {@code 0s}, {@code 70ms},
   *     {@code 1.5s}, {@code 2m}
   */
  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis == 0) {
      return "0s";
    }
    if (millis % 3_600_000 == 0) {
      return millis / 3_600_000 + "h";
    }
    if (millis % 60_000 == 0) {
      return millis / 60_000 + "m";
    }
    if (millis < 1_000) {
      return millis + "ms";
    }
    return BigDecimal.valueOf(millis).movePointLeft(3).stripTrailingZeros().toPlainString() + "s";
  }
}
