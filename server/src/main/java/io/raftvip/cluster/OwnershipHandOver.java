package io.raftvip.cluster;

import io.raftvip.raft.MemberHealth;
import io.raftvip.raft.MemberView;
import io.raftvip.raft.RaftNode;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import io.raftvip.vip.OwnershipLoop;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves ownership away from this node gracefully: release the VIP first, then hand Raft
 * leadership to the target (a transfer skips pre-vote, so the target may win at once), and
 * lift the hold once leadership is gone — or at once if the transfer failed, so this node
 * owns again. Used by SIGTERM, {@code raftvipctl transfer} and removing the owner.
 */
public final class OwnershipHandOver {

  private static final Logger LOG = LoggerFactory.getLogger(OwnershipHandOver.class);

  private final String nodeId;
  private final RaftNode raft;
  private final OwnershipLoop loop;
  private final Duration timeout;

  public OwnershipHandOver(String nodeId, RaftNode raft, OwnershipLoop loop, Duration timeout) {
    this.nodeId = nodeId;
    this.raft = raft;
    this.loop = loop;
    this.timeout = timeout;
  }

  /**
   * @param target the member to hand to
   * @param keepHold true on shutdown: keep ownership held back even if the transfer fails
   */
  public CompletableFuture<Void> transfer(String target, boolean keepHold) {
    LOG.info("{}: handing ownership over to {}", nodeId, target);
    return loop.holdBack("handing ownership over to " + target)
        .thenCompose(state -> raft.transferLeadership(target, timeout))
        .whenComplete((v, e) -> {
          if (e != null) {
            LOG.warn("{}: hand-over to {} failed: {}", nodeId, target, e.getMessage());
          }
          if (!keepHold) {
            loop.holdBack(null);
          }
        });
  }

  /**
   * @param candidates members that could take over (this node excluded by the caller)
   * @param reachableMs how fresh a member's last answered heartbeat must be
   * @param health each member's replicated health
   * @return the best member to hand ownership to: reachable, healthy before unknown before
   *         unhealthy, highest priority, freshest contact (so likely caught up); empty when none
   *         is reachable
   */
  public static Optional<String> bestTarget(List<MemberView> candidates, long reachableMs,
                                            Function<String, MemberHealth> health) {
    return candidates.stream()
        .filter(m -> m.ackAgeMs() >= 0 && m.ackAgeMs() < reachableMs)
        .sorted(Comparator.comparingInt((MemberView m) -> rank(health.apply(m.peer().id())))
            .thenComparingInt(m -> -m.peer().priority())
            .thenComparingLong(MemberView::ackAgeMs))
        .map(m -> m.peer().id())
        .findFirst();
  }

  private static int rank(MemberHealth h) {
    return switch (h.status()) {
      case HEALTHY -> 0;
      case UNKNOWN -> 1;
      case UNHEALTHY -> 2;
    };
  }

  /** Same as {@link #transfer(String, boolean)} with the hold lifted afterwards. */
  public CompletableFuture<Void> transfer(String target) {
    return transfer(target, false);
  }
}
