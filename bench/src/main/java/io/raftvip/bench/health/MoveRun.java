package io.raftvip.bench.health;

/**
 * One health-move run: the owner's check made to fail at {@code eventMicros}, and what followed.
 *
 * @param implementation implementation key
 * @param run            0-based run number
 * @param oldOwner       the node whose check was made to fail
 * @param newOwner       the node that bound the VIP next, or null if none did
 * @param answerMs       from the check failing to the first answer from another node (null: none)
 * @param releaseMs      from the check failing to the old owner's release (null: it kept the VIP)
 * @param bindMs         from the check failing to the new owner's bind (null: nobody bound)
 * @param outageMs       the client's longest gap between answers in which probes were lost (0: none)
 * @param overlapMs      time two nodes held the VIP at once
 * @param recovered      whether another node answered steadily before the deadline
 * @param eventMicros    when the owner's stand-in started answering 503 (epoch µs)
 * @param endMicros      when observation ended (epoch µs)
 */
public record MoveRun(String implementation, int run, String oldOwner, String newOwner, Double answerMs,
                      Double releaseMs, Double bindMs, double outageMs, double overlapMs, boolean recovered,
                      long eventMicros, long endMicros) {

    /** @return from the old owner's release to the first answer from another node, or null */
    public Double handOverMs() {
        return answerMs == null || releaseMs == null ? null : answerMs - releaseMs;
    }

    /** @return whether the old owner let go no later than the new one bound (no two owners) */
    public boolean releasedBeforeBind() {
        return releaseMs != null && bindMs != null && releaseMs <= bindMs;
    }
}
