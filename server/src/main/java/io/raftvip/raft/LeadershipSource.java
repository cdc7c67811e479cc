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
}
