package io.raftvip.raft;

/** Supplies {@link LeadershipSnapshot}s; the Raft node in production, a fake in unit tests. */
public interface LeadershipSource {

  /** @return the current view; must not block */
  LeadershipSnapshot snapshot();
}
