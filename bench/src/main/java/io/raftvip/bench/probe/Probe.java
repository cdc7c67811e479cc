package io.raftvip.bench.probe;

/**
 * One probe as the client saw it.
 *
 * @param sentMicros     when it was sent (epoch µs)
 * @param node           index of the node that answered, or {@link #LOST}
 * @param answeredMicros when the answer arrived (epoch µs), 0 if lost
 */
public record Probe(long sentMicros, int node, long answeredMicros) {

    /** Marks a probe nobody answered. */
    public static final int LOST = -1;

    /** @return whether some node answered */
    public boolean answered() {
        return node != LOST;
    }
}
