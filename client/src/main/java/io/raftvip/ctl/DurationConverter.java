package io.raftvip.ctl;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code --timeout} values: a positive number with unit ms, s or m ({@code 500ms}, {@code 5s}). */
final class DurationConverter implements ITypeConverter<Duration> {
  private static final Pattern FORMAT = Pattern.compile("(\\d{1,9})(ms|s|m)");

  @Override
  public Duration convert(String value) {
    Matcher m = FORMAT.matcher(value);
    if (!m.matches()) {
      throw new TypeConversionException("'" + value + "' is not a duration (expected e.g. 500ms, 5s, 1m)");
    }
    long amount = Long.parseLong(m.group(1));
    Duration duration = switch (m.group(2)) {
      case "ms" -> Duration.ofMillis(amount);
      case "s" -> Duration.ofSeconds(amount);
      default -> Duration.ofMinutes(amount);
    };
    if (duration.isZero()) {
      throw new TypeConversionException("'" + value + "' is zero; a timeout must be positive");
    }
    return duration;
  }
}
