package io.raftvip.raft;

/** Supplies {@link LeadershipSnapshot}s; the Raft node in production, a fake in unit tests. */
public interface LeadershipSource {

  /** @return the current view; must not block */
  LeadershipSnapshot snapshot();

  /**
   * @return why a lease may have lapsed (per follower: how old its acknowledgement and its last
   *     reply are), for the log; must not block
   */
  default String leaseDetail() {
    return "";
  }

  /**
   * @return on a leader, ms since it last sent anything (an append or a heartbeat) to the
   *     followers it needs for a majority, counted like the lease: a long gap means this process
   *     was not sending; 0 when not leader or unknown; must not block
   */
  default long sendGapMs() {
    return 0;
  }
}
