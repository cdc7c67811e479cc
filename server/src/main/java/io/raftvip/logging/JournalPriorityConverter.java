package io.raftvip.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/**
 * Writes the sd-daemon priority prefix ({@code <3>} error, {@code <4>} warning, {@code <6>} info,
 * {@code <7>} debug) that journald strips from a stdout/stderr line and stores as the entry's
 * PRIORITY, so {@code journalctl -u raftvip -p warning} works. Used by {@code logback.xml} as
 * {@code %journalPriority} when {@code raftvip.log.journal=true}.
 */
public final class JournalPriorityConverter extends ClassicConverter {

  @Override
  public String convert(ILoggingEvent event) {
    int level = event.getLevel().toInt();
    if (level >= Level.ERROR_INT) {
      return "<3>";
    }
    if (level >= Level.WARN_INT) {
      return "<4>";
    }
    if (level >= Level.INFO_INT) {
      return "<6>";
    }
    return "<7>";
  }
}
