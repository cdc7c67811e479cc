package io.raftvip.health;

/** Sees the result of every check in every round; the hook for per-check metrics. */
@FunctionalInterface
public interface CheckObserver {

  /** Observes nothing. */
  CheckObserver NONE = (check, result) -> { };

  /**
   * Called for each check at the end of each round, on the monitor's timer thread. Must return
   * quickly.
   *
   * @param check the check's name
   * @param result its outcome in this round
   */
  void checked(String check, CheckResult result);
}
