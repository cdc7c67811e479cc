package io.raftvip.bench.probe;

/**
 * One probe as the client saw it.
 *
 * @param sentMicros when it was sent (epoch µs)
 * @param node       index of the node that answered, or {@link #LOST}
 */
public record Probe(long sentMicros, int node) {

    /** Marks a probe nobody answered. */
    public static final int LOST = -1;

    /** @return whether some node answered */
    public boolean answered() {
        return node != LOST;
    }
}
