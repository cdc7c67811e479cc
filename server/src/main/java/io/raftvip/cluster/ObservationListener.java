package io.raftvip.cluster;

/** Hears every new {@link Observation} together with the one before it (metrics, events). */
public interface ObservationListener {

  /** Called on the observer's thread; must not block. */
  void observed(Observation previous, Observation current);
}
