package io.raftvip.cluster;

import io.raftvip.vip.OwnershipListener;
import io.raftvip.vip.OwnershipState;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.List;

/**
 * The ownership state as last reported by the controller, readable from any thread, fanned
 * out to further listeners (metrics, logs, the event stream).
 */
public final class OwnershipStatus implements OwnershipListener {

  private final List<OwnershipListener> downstream = new CopyOnWriteArrayList<>();
  private volatile OwnershipState state = OwnershipState.FOLLOWER;
  private volatile long ownedSinceMillis;

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

  @Override
  public void transitioned(OwnershipState from, OwnershipState to, long term, String reason) {
    if (to == OwnershipState.OWNER) {
      ownedSinceMillis = System.currentTimeMillis();
    }
    state = to;
    downstream.forEach(l -> l.transitioned(from, to, term, reason));
  }

  @Override
  public void announced(String vip) {
    downstream.forEach(l -> l.announced(vip));
  }
}
