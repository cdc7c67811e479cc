package io.raftvip.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Once this daemon is stopping, drops Ratis' warnings: while it closes, Ratis reports every
 * stream and peer connection it tears down ("already CLOSED", "is interrupted", "APPEND_ENTRIES
 * onError"), some 50 lines with stack traces per stop, which read like trouble in the journal
 * although the stop went as planned. What the stop did is in the daemon's own lines (released,
 * handed over to, stopped), and Ratis' errors still pass.
 *
 * <p>The switch is process-wide: logback creates this filter from {@code logback.xml}, and one
 * JVM runs one daemon.
 */
public final class ShutdownNoiseFilter extends Filter<ILoggingEvent> {

  private static volatile boolean stopping;

  /** Called when the daemon begins to stop; from then on Ratis warnings are dropped. */
  public static void daemonStopping() {
    stopping = true;
  }

  /** For tests: back to passing everything. */
  static void reset() {
    stopping = false;
  }

  @Override
  public FilterReply decide(ILoggingEvent event) {
    if (stopping && event.getLoggerName().startsWith("org.apache.ratis")
        && !event.getLevel().isGreaterOrEqual(Level.ERROR)) {
      return FilterReply.DENY;
    }
    return FilterReply.NEUTRAL;
  }
}
