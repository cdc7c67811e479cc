package io.raftvip.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import io.raftvip.raft.LeadershipRehearsal;

/**
 * Drops what Ratis and raftvip's Raft classes log about the throwaway group of the failover
 * rehearsal ({@link LeadershipRehearsal}): its members come and go by design, and their warnings
 * ("Failed appendEntries", "already CLOSED") would read like trouble in the real cluster. Real
 * member ids cannot contain the ':' of the rehearsal's ids, so nothing of the cluster is lost. The
 * rehearsal's own start and result lines come from another logger and stay.
 */
public final class RehearsalNoiseFilter extends Filter<ILoggingEvent> {

  @Override
  public FilterReply decide(ILoggingEvent event) {
    final String logger = event.getLoggerName();
    if (!logger.startsWith("org.apache.ratis") && !logger.startsWith("io.raftvip.raft")) {
      return FilterReply.NEUTRAL;
    }
    // The thread check is cheap and catches Ratis' per-member threads; the message check
    // catches the gRPC executor threads, which Ratis shares between groups.
    final boolean rehearsal = event.getThreadName().startsWith(LeadershipRehearsal.ID_PREFIX)
        || String.valueOf(event.getFormattedMessage()).contains(LeadershipRehearsal.ID_PREFIX);
    return rehearsal ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
