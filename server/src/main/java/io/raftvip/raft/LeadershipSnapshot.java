package io.raftvip.raft;

/**
 * What this node knows about Raft leadership at one instant, read without blocking.
 *
 * @param leader this node is the Raft leader
 * @param ready an entry of the leader's term is committed (Ratis "leader ready")
 * @param leaseRemainingMs how long the leader lease stays valid; &le; 0 when not valid or not leader
 * @param term the current term
 * @param leaderId the known leader's id, or empty when none is known
 */
public record LeadershipSnapshot(boolean leader, boolean ready, long leaseRemainingMs, long term,
                                 String leaderId) {

  /** @return true when all three parts of the ownership rule hold */
  public boolean mayOwn() {
    return leader && ready && leaseRemainingMs > 0;
  }
}
