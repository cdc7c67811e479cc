package io.raftvip.daemon;

import io.raftvip.raft.RaftEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives Ratis' notifications and pokes whoever must re-evaluate (the ownership loop, the
 * observer). Exists before the components it pokes, which are built after the Raft server.
 */
final class RaftEvents implements RaftEventListener {

  private static final Logger LOG = LoggerFactory.getLogger(RaftEvents.class);

  private final String nodeId;
  private final List<Runnable> pokes = new CopyOnWriteArrayList<>();
  private final List<Runnable> closedHandlers = new CopyOnWriteArrayList<>();

  RaftEvents(String nodeId) {
    this.nodeId = nodeId;
  }

  void onAnyEvent(Runnable poke) {
    pokes.add(poke);
  }

  /** Runs {@code handler} when Ratis closes this node's Raft group on its own. */
  void onDivisionClosed(Runnable handler) {
    closedHandlers.add(handler);
  }

  @Override
  public void leaderChanged(String leaderId, long term) {
    LOG.info("{}: leader is now {} (term {})", nodeId, leaderId.isEmpty() ? "unknown" : leaderId, term);
    pokeAll();
  }

  @Override
  public void leaderReady() {
    pokeAll();
  }

  @Override
  public void leadershipLost() {
    pokeAll();
  }

  @Override
  public void membershipChanged() {
    LOG.info("{}: Raft membership changed", nodeId);
    pokeAll();
  }

  @Override
  public void stateChanged() {
    pokeAll();
  }

  @Override
  public void divisionClosed() {
    pokeAll();
    closedHandlers.forEach(Runnable::run);
  }

  private void pokeAll() {
    pokes.forEach(Runnable::run);
  }
}
