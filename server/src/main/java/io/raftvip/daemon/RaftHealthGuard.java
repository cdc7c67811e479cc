package io.raftvip.daemon;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the daemon when its Raft group stopped running while the daemon itself is not stopping.
 * Ratis closes a member's group on its own in a few cases (its vote was answered with "you are
 * not in the configuration, shut down"; a fatal state-machine or log error), and the JVM would
 * live on without Raft: no VIP ever again, yet a process that looks alive. Exiting with a failure
 * status lets systemd restart it (Restart=on-failure); the shutdown hook releases the VIP first.
 */
final class RaftHealthGuard implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(RaftHealthGuard.class);
  private static final long CHECK_SECONDS = 1;

  private final String nodeId;
  private final BooleanSupplier raftRunning;
  private final Supplier<String> raftState;
  private final BooleanSupplier stopping;
  private final Runnable exit;
  private final AtomicBoolean fired = new AtomicBoolean();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    final Thread t = new Thread(r, "raftvip-raft-health");
    t.setDaemon(true);
    return t;
  });

  /**
   * @param exit ends the process; called at most once, from a thread of its own
   */
  RaftHealthGuard(String nodeId, BooleanSupplier raftRunning, Supplier<String> raftState,
                  BooleanSupplier stopping, Runnable exit) {
    this.nodeId = nodeId;
    this.raftRunning = raftRunning;
    this.raftState = raftState;
    this.stopping = stopping;
    this.exit = exit;
  }

  /** Checks every second from now on; {@link #check()} also runs on Ratis' own notice. */
  RaftHealthGuard start() {
    timer.scheduleWithFixedDelay(this::check, CHECK_SECONDS, CHECK_SECONDS, TimeUnit.SECONDS);
    return this;
  }

  /** Exits if Raft is no longer running and the daemon is not stopping. */
  void check() {
    if (stopping.getAsBoolean() || raftRunning.getAsBoolean() || !fired.compareAndSet(false, true)) {
      return;
    }
    LOG.error("{}: the Raft group is {} although the daemon is not stopping: Ratis closed it (for"
        + " example this node campaigned while not a member, or was removed); exiting with status 1"
        + " so that systemd restarts it", nodeId, raftState.get());
    final Thread t = new Thread(exit, "raftvip-exit");
    t.setDaemon(false);
    t.start();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
