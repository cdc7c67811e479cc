package io.raftvip.health;

/** Hears every change of a node's {@link HealthStatus}. */
@FunctionalInterface
public interface HealthListener {

  /**
   * Called once per transition (never per round), on the monitor's timer thread, in order.
   * Must return quickly: the next round starts on the same thread.
   *
   * @param state the new state
   */
  void healthChanged(HealthState state);
}
