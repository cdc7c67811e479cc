package io.raftvip.cluster;

import io.raftvip.vip.BindFailure;
import io.raftvip.vip.OwnershipListener;
import io.raftvip.vip.OwnershipState;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * The ownership state as last reported by the controller, readable from any thread, fanned
 * out to further listeners (metrics, logs, the event stream). Also the current run of failures
 * to bind the VIPs, if any.
 */
public final class OwnershipStatus implements OwnershipListener {

  /**
   * A run of bind failures is over once no attempt failed for this long: the controller retries
   * every second while it should own, so three silent seconds mean it stopped trying (it lost
   * leadership or its lease) or it succeeded.
   */
  static final long BIND_TROUBLE_STALE_MS = 3000;

  private final List<OwnershipListener> downstream = new CopyOnWriteArrayList<>();
  private volatile OwnershipState state = OwnershipState.FOLLOWER;
  private volatile long ownedSinceMillis;
  private volatile BindTrouble bindTrouble;

  /** Adds a listener that hears every transition after this node's own bookkeeping. */
  public void addListener(OwnershipListener listener) {
    downstream.add(listener);
  }

  /** @return the state after the last transition */
  public OwnershipState state() {
    return state;
  }

  /** @return whether this node holds the VIPs */
  public boolean owned() {
    return state == OwnershipState.OWNER;
  }

  /** @return wall-clock ms when this node last became owner */
  public long ownedSinceMillis() {
    return ownedSinceMillis;
  }

  /**
   * @param nowMillis wall-clock ms now
   * @return the current run of bind failures, or null when there is none (bound, or not trying)
   */
  public BindTrouble bindTrouble(long nowMillis) {
    final BindTrouble t = bindTrouble;
    return t == null || nowMillis - t.lastMillis() > BIND_TROUBLE_STALE_MS ? null : t;
  }

  @Override
  public void transitioned(OwnershipState from, OwnershipState to, long term, String reason) {
    if (to == OwnershipState.OWNER) {
      ownedSinceMillis = System.currentTimeMillis();
      bindTrouble = null;
    }
    state = to;
    downstream.forEach(l -> l.transitioned(from, to, term, reason));
  }

  @Override
  public void announced(String vip) {
    downstream.forEach(l -> l.announced(vip));
  }

  @Override
  public void bindFailed(BindFailure failure) {
    final long now = System.currentTimeMillis();
    final BindTrouble run = bindTrouble(now);
    bindTrouble = run == null ? new BindTrouble(failure, now, 1, now) : run.next(failure, now);
    downstream.forEach(l -> l.bindFailed(failure));
  }
}
