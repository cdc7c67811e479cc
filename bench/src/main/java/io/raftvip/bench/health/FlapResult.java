package io.raftvip.bench.health;

import io.raftvip.bench.steady.Observation;

/**
 * One health-flap window: a pattern run on the owner's check for the flap duration.
 *
 * @param implementation implementation key
 * @param pattern        the pattern
 * @param node           the node whose check flapped (the owner when the window started)
 * @param flaps          failing stretches done
 * @param verdictChanges the flapping node's own verdict changes in the window (raftvip: its health
 *                       transitions; keepalived: its instance entering FAULT); null when unreadable
 * @param observation    what the watchers and the client saw over the window
 */
public record FlapResult(String implementation, FlapPattern pattern, String node, int flaps, Long verdictChanges,
                         Observation observation) {

    /** @return whether the target held: no ownership move */
    public boolean noMove() {
        return observation.counts().moves() == 0;
    }
}
