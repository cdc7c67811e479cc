package io.raftvip.ctl.output;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Proto times as people read them: UTC ISO-8601 instants to the millisecond, durations in ms. */
final class TimeText {
  // Always three fraction digits, so columns of timestamps line up.
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private TimeText() {}

  /** {@code 2025-01-02T03:04:05.123Z}, always with milliseconds. */
  static String instant(Timestamp at) {
    return INSTANT.format(Instant.ofEpochSecond(at.getSeconds(), at.getNanos()));
  }

  /** {@code 212 ms}. */
  static String millis(Duration duration) {
    return (duration.getSeconds() * 1000 + duration.getNanos() / 1_000_000) + " ms";
  }
}
