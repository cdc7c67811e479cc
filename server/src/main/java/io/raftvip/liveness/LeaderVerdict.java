package io.raftvip.liveness;

/** What a follower concludes about its leader from the leader's silence and its port's answer. */
public enum LeaderVerdict {
  /** Heard from within the dead-leader timeout. */
  LIVE,
  /** Silent for the dead-leader timeout, but its port accepted a probe sent since: stalled, not gone. */
  STALLED,
  /** Silent for the dead-leader timeout and no probe sent since has been answered yet. */
  UNKNOWN,
  /** Silent for the dead-leader timeout and its port refused, or did not answer, a probe sent since. */
  GONE
}
