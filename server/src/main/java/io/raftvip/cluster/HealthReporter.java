package io.raftvip.cluster;

import io.raftvip.raft.ClusterState;
import io.raftvip.raft.MemberHealth;
import io.raftvip.raft.RaftNode;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes this member's health, as its own checks judge it, part of the replicated state: whenever
 * the local result differs from what the Raft log says about this member (a change, a restart,
 * an entry that did not make it while there was no leader), it appends the local result. One
 * append at a time; a failed one is tried again at the next {@link #sync()}.
 */
public final class HealthReporter {

  private static final Logger LOG = LoggerFactory.getLogger(HealthReporter.class);

  private final String nodeId;
  private final RaftNode raft;
  private final AtomicReference<MemberHealth> local = new AtomicReference<>(MemberHealth.UNREPORTED);
  private final AtomicBoolean inFlight = new AtomicBoolean();

  public HealthReporter(String nodeId, RaftNode raft) {
    this.nodeId = nodeId;
    this.raft = raft;
  }

  /** The local checks reached a new state. */
  public void localChanged(MemberHealth health) {
    local.set(health);
    sync();
  }

  /** @return this member's health as its own checks judge it now */
  public MemberHealth local() {
    return local.get();
  }

  /** Appends the local health when the replicated state says otherwise; call often, it is cheap. */
  public void sync() {
    final MemberHealth mine = local.get();
    if (mine.since().equals(MemberHealth.UNREPORTED.since()) && mine.status() == MemberHealth.Status.UNKNOWN) {
      return; // no result yet: nothing to say
    }
    final ClusterState state = raft.clusterState();
    if (state.health(nodeId).sameAs(mine) || raft.snapshot().leaderId().isEmpty()
        || !inFlight.compareAndSet(false, true)) {
      return;
    }
    raft.submit(ClusterState.healthCommand(nodeId, mine)).whenComplete((v, e) -> {
      inFlight.set(false);
      if (e != null) {
        LOG.debug("{}: reporting health {} failed, trying again later: {}", nodeId, mine.describe(), e.toString());
      }
    });
  }
}
