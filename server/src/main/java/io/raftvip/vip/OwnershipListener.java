package io.raftvip.vip;

/** Hears ownership transitions, on the controller's thread: must not block. */
public interface OwnershipListener {

  /**
   * @param from the previous state
   * @param to the new state
   * @param term the Raft term at the transition
   * @param reason why, for the log and the event stream (e.g. "lease lost")
   */
  void transitioned(OwnershipState from, OwnershipState to, long term, String reason);

  /** One announcement round for a VIP was sent. */
  default void announced(String vip) {
  }

  /**
   * An attempt to bind the VIPs failed (every second while this node should own them and cannot).
   * The failures end with a transition to OWNER, or when the attempts stop (no longer leader).
   */
  default void bindFailed(BindFailure failure) {
  }
}
