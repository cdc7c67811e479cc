package io.raftvip.bench.scenario;

/**
 * One measured run of a scenario.
 *
 * @param implementation implementation key
 * @param scenario       the scenario
 * @param run            0-based run number
 * @param outageMs       client view: longest gap without answers around the event (cold start:
 *                       time from start to the first answer); if not recovered, the time observed
 * @param recovered      whether a new owner answered steadily before the deadline
 * @param oldOwner       node id that owned the VIP before the event (null for cold start)
 * @param newOwner       node id that answered afterwards (null if none)
 * @param releaseMs      watcher: old owner's release, ms after the event (null if it never released)
 * @param bindMs         watcher: new owner's bind, ms after the event (null if nobody bound)
 * @param overlapMs      watcher: time two connected-or-partitioned nodes both held the VIP
 * @param neverReleased  partition: the old owner still held the VIP when the window closed
 * @param eventMicros    when the event was triggered (epoch µs)
 * @param endMicros      when observation ended (epoch µs)
 */
public record RunResult(String implementation, Scenario scenario, int run, double outageMs, boolean recovered,
                        String oldOwner, String newOwner, Double releaseMs, Double bindMs, double overlapMs,
                        boolean neverReleased, long eventMicros, long endMicros) {

    /** @return whether the watchers saw two holders at once */
    public boolean overlapped() {
        return overlapMs > 0;
    }
}
