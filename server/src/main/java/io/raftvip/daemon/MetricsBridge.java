package io.raftvip.daemon;

import io.raftvip.cluster.Observation;
import io.raftvip.cluster.ObservationListener;
import io.raftvip.metrics.RaftvipMetrics;
import io.raftvip.net.Vip;
import io.raftvip.raft.MemberView;
import io.raftvip.vip.BindFailure;
import io.raftvip.vip.OwnershipController;
import io.raftvip.vip.OwnershipListener;
import io.raftvip.vip.OwnershipState;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Feeds ownership transitions and cluster observations into the Prometheus metrics. */
final class MetricsBridge implements OwnershipListener, ObservationListener {

  private final String nodeId;
  private final RaftvipMetrics metrics;
  private volatile List<Vip> vips;
  private volatile boolean owned;
  private final long reachableMs;

  MetricsBridge(String nodeId, RaftvipMetrics metrics, List<Vip> vips, Duration reachable) {
    this.nodeId = nodeId;
    this.metrics = metrics;
    this.vips = vips;
    this.reachableMs = reachable.toMillis();
    vips.forEach(v -> metrics.setOwned(v.addressText(), false));
  }

  /** Reports {@code next} from now on (a reload changed the VIPs); a removed VIP's series goes. */
  void replaceVips(List<Vip> next) {
    final List<Vip> before = vips;
    vips = List.copyOf(next);
    before.stream().filter(v -> !next.contains(v)).forEach(v -> metrics.forgetVip(v.addressText()));
    next.forEach(v -> metrics.setOwned(v.addressText(), owned));
  }

  @Override
  public void transitioned(OwnershipState from, OwnershipState to, long term, String reason) {
    owned = to == OwnershipState.OWNER;
    vips.forEach(v -> metrics.setOwned(v.addressText(), owned));
    if (from == OwnershipState.OWNER && OwnershipController.LEASE_LOST.equals(reason)) {
      metrics.leaseLost();
    }
  }

  @Override
  public void announced(String vip) {
    metrics.announced(vip);
  }

  @Override
  public void bindFailed(BindFailure failure) {
    metrics.bindFailed(failure.errnoName());
  }

  @Override
  public void observed(Observation previous, Observation current) {
    metrics.setTerm(current.term());
    metrics.setLeader(current.selfLeader());
    metrics.setQuorum(current.quorum());
    metrics.setBindFailing(current.bindTrouble() != null);
    if (!current.leader().equals(previous.leader()) && !current.leader().isEmpty()) {
      metrics.leaderChanged();
    }
    if (current.lastFailover() != null && current.lastFailover() != previous.lastFailover()
        && nodeId.equals(current.lastFailover().to())) {
      metrics.failover(Duration.ofMillis(current.lastFailover().unownedMs()));
    }
    final Set<String> members = new HashSet<>();
    for (MemberView m : current.members()) {
      members.add(m.peer().id());
      metrics.setMemberHealth(m.peer().id(), switch (current.healthOf(m.peer().id()).status()) {
        case HEALTHY -> 1;
        case UNHEALTHY -> 0;
        case UNKNOWN -> -1;
      });
      // Reachability is known only on the leader; elsewhere the series are absent, not "down".
      if (current.selfLeader()) {
        metrics.setMemberReachable(m.peer().id(), m.ackAgeMs() >= 0 && m.ackAgeMs() < reachableMs);
      } else {
        metrics.forgetReachability(m.peer().id());
      }
    }
    for (MemberView m : previous.members()) {
      if (!members.contains(m.peer().id())) {
        metrics.forgetMember(m.peer().id());
      }
    }
  }
}
