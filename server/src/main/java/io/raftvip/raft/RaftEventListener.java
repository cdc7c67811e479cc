package io.raftvip.raft;

/**
 * Leadership and membership events from Ratis. Called on Ratis threads, often while Ratis holds
 * its server lock: implementations must hand work off and return at once.
 */
public interface RaftEventListener {

  /** Ignores every event: for Raft groups no VIP depends on (tests). */
  RaftEventListener NONE = new RaftEventListener() {
    @Override public void leaderChanged(String leaderId, long term) {
    }
    @Override public void leaderReady() {
    }
    @Override public void leadershipLost() {
    }
    @Override public void membershipChanged() {
    }
    @Override public void divisionClosed() {
    }
    @Override public void stateChanged() {
    }
  };

  /** A new leader is known (it may be this node); nothing of its term is committed yet. */
  void leaderChanged(String leaderId, long term);

  /** This node's leadership is ready: an entry of its term is committed. */
  void leaderReady();

  /** This node stopped being leader, for whatever reason (the late signal: the lease is faster). */
  void leadershipLost();

  /** The Raft configuration (the member list) changed. */
  void membershipChanged();

  /**
   * Ratis closed this node's Raft group on its own, not because the daemon is stopping (e.g. the
   * leader answered a vote with "you were removed, shut down"). The node can no longer take part.
   */
  void divisionClosed();

  /** An entry of raftvip's replicated state was applied (health, priority, an ownership note). */
  void stateChanged();
}
