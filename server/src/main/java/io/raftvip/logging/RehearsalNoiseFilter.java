package io.raftvip.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;
import io.raftvip.raft.MemberIds;
import java.util.regex.Pattern;

/**
 * Drops what Ratis and the Raft node log about the throwaway group of the failover rehearsal
 * ({@code io.raftvip.raft.LeadershipRehearsal}): its members come and go by design, and their
 * warnings ("Failed appendEntries", "already CLOSED") would read like trouble in the real
 * cluster. Real members cannot carry the reserved prefix ({@link MemberIds}), so nothing of the
 * cluster is lost. The rehearsal's own start and result lines come from another logger and stay.
 */
public final class RehearsalNoiseFilter extends Filter<ILoggingEvent> {

  /** A rehearsal member id where an id can begin: real ids cannot start with the prefix. */
  private static final Pattern REHEARSAL_MEMBER =
      Pattern.compile("(^|[^A-Za-z0-9._-])" + Pattern.quote(MemberIds.RESERVED_PREFIX) + "[0-9]");

  @Override
  public FilterReply decide(ILoggingEvent event) {
    final String logger = event.getLoggerName();
    if (!logger.startsWith("org.apache.ratis") && !logger.equals("io.raftvip.raft.RaftNode")) {
      return FilterReply.NEUTRAL;
    }
    // The thread check is cheap and catches Ratis' per-member threads; the message check
    // catches the gRPC executor threads, which Ratis shares between groups.
    final boolean rehearsal = event.getThreadName().startsWith(MemberIds.RESERVED_PREFIX)
        || REHEARSAL_MEMBER.matcher(String.valueOf(event.getFormattedMessage())).find();
    return rehearsal ? FilterReply.DENY : FilterReply.NEUTRAL;
  }
}
