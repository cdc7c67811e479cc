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
   * Says why a lease may have lapsed, per follower of this leadership: how old the newest
   * acknowledged heartbeat's send time is, how long ago the follower last replied at all, and how
   * long ago this leader last sent it a heartbeat (old too: this process was not sending).
   *
   * @return e.g. "n2: acked heartbeat sent 132 ms ago, last reply 35 ms ago, last heartbeat sent 3 ms ago"
   */
  String describe() {
    final StringBuilder b = new StringBuilder();
    followers.values().stream().sorted(java.util.Comparator.comparing(f -> f.getId().toString()))
        .forEach(f -> {
          if (b.length() > 0) {
            b.append("; ");
          }
          b.append(f.getId()).append(": acked heartbeat sent ")
              .append(f.getLastRespondedAppendEntriesSendTime().elapsedTimeMs()).append(" ms ago, last reply ")
              .append(f.getLastRpcResponseTime().elapsedTimeMs()).append(" ms ago, last heartbeat sent ")
              .append(f.getLastHeartbeatSendTime().elapsedTimeMs()).append(" ms ago");
        });
    return b.length() == 0 ? "no follower has answered in this leadership" : b.toString();
  }

  /** @return ms since this leader last sent the follower anything, or empty when never in this leadership */
  public Optional<Long> sendAgeMs(RaftPeerId follower) {
    return Optional.ofNullable(followers.get(follower)).map(f -> f.getLastRpcSendTime().elapsedTimeMs());
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
