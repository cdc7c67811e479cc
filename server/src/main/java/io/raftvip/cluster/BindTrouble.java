package io.raftvip.cluster;

import io.raftvip.vip.BindFailure;

/**
 * A run of failed attempts of this node, as leader, to bind its VIPs: the latest failure, when the
 * run began and how many attempts failed since.
 *
 * @param failure the latest failure (cause and fix)
 * @param sinceMillis wall-clock ms of the first failure of the run
 * @param attempts failed attempts in the run
 * @param lastMillis wall-clock ms of the latest failure
 */
public record BindTrouble(BindFailure failure, long sinceMillis, long attempts, long lastMillis) {

  /** @return the run after one more failure at {@code nowMillis}; a new run when the cause changed */
  BindTrouble next(BindFailure latest, long nowMillis) {
    return latest.message().equals(failure.message())
        ? new BindTrouble(latest, sinceMillis, attempts + 1, nowMillis)
        : new BindTrouble(latest, nowMillis, 1, nowMillis);
  }
}
