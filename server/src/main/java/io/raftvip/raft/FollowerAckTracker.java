package io.raftvip.raft;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ratis.protocol.RaftPeerId;
import org.apache.ratis.server.leader.FollowerInfo;

/**
 * Remembers, per follower, the {@link FollowerInfo} of this node's current leadership, so the
 * lease can read when the newest acknowledged heartbeat to each follower was <em>sent</em>.
 *
 * <p>Ratis keeps these objects in its package-private leader state; its public log-appender
 * factory hook ({@link LeaseTrackingFactory}) is where they become visible. A new leadership
 * creates new appenders, which replace the entries here; stale ones are ignored because their
 * acknowledgements are older than any lease.
 */
public final class FollowerAckTracker {

  private final Map<RaftPeerId, FollowerInfo> followers = new ConcurrentHashMap<>();

  void register(FollowerInfo follower) {
    followers.put(follower.getId(), follower);
  }

  /** Forgets every follower: called when leadership is lost. */
  void clear() {
    followers.clear();
  }

  /** @return the follower's match index in this leadership, or -1 when unknown */
  long matchIndex(RaftPeerId follower) {
    final FollowerInfo f = followers.get(follower);
    return f == null ? -1 : f.getMatchIndex();
  }

  /**
   * @return milliseconds since the send time of the newest appendEntries/heartbeat that this
   *         follower answered, or empty when it never answered in this leadership
   */
  public Optional<Long> ackedSendAgeMs(RaftPeerId follower) {
    return Optional.ofNullable(followers.get(follower))
        .map(f -> f.getLastRespondedAppendEntriesSendTime().elapsedTimeMs());
  }
}
