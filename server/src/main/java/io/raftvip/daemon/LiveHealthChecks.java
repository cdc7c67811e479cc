package io.raftvip.daemon;

import io.raftvip.cluster.GateSettings;
import io.raftvip.cluster.HealthGate;
import io.raftvip.config.HealthConfig;
import io.raftvip.health.CheckObserver;
import io.raftvip.health.HealthListener;
import io.raftvip.health.HealthMonitor;
import io.raftvip.raft.RaftNode;

/**
 * This node's health checks, replaced whole when a reload changes the {@code health} section: the
 * old monitor stops, a new one starts with the new checks and timing, the answers to other
 * members' readiness questions and the gate's settings follow. The node's replicated verdict stays
 * what it was until the new checks reach one of their own (after {@code rise} or {@code fall}
 * rounds), so a reload alone moves nothing.
 */
final class LiveHealthChecks implements AutoCloseable {

  private final String nodeId;
  private final RaftNode raft;
  private final HealthGate gate;
  private final HealthListener listener;
  private final CheckObserver observer;
  private HealthMonitor monitor; // guarded by this

  private LiveHealthChecks(String nodeId, RaftNode raft, HealthGate gate, HealthListener listener,
                           CheckObserver observer) {
    this.nodeId = nodeId;
    this.raft = raft;
    this.gate = gate;
    this.listener = listener;
    this.observer = observer;
  }

  /**
   * Starts the checks of {@code health} and answers readiness questions from them.
   *
   * @param listener told each change of this node's verdict
   * @param observer sees every check result
   */
  static LiveHealthChecks start(HealthConfig health, String nodeId, RaftNode raft, HealthGate gate,
                                HealthListener listener, CheckObserver observer) {
    final LiveHealthChecks checks = new LiveHealthChecks(nodeId, raft, gate, listener, observer);
    checks.run(health);
    return checks;
  }

  /** Stops the running checks and starts {@code next}'s (a reload changed the section). */
  synchronized void replace(HealthConfig next) {
    // Closed first: no verdict of the old checks may arrive after the new ones started.
    monitor.close();
    run(next);
    gate.retune(GateSettings.of(next));
  }

  private synchronized void run(HealthConfig health) {
    monitor = HealthMonitor.start(health, nodeId, listener, observer);
    // The owner asks before it moves the VIP here: a healthy verdict can lag behind the checks,
    // so the answer waits for a round that started after the question.
    raft.serveReadiness(monitor::readinessAfterNextRound);
  }

  @Override
  public synchronized void close() {
    monitor.close();
  }
}
