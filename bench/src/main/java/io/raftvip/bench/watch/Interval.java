package io.raftvip.bench.watch;

/**
 * A span during which one node held the VIP.
 *
 * @param node        node index
 * @param fromMicros  bind time (epoch µs)
 * @param untilMicros release time, or {@link Long#MAX_VALUE} while still held
 */
public record Interval(int node, long fromMicros, long untilMicros) {

    /** @return whether the node still holds the VIP */
    public boolean open() {
        return untilMicros == Long.MAX_VALUE;
    }
}
