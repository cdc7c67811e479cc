package io.raftvip.bench.probe;

import java.time.Instant;

/**
 * Wall-clock time in epoch microseconds: the one time base shared by probes, address watchers
 * ({@code ip -ts monitor} stamps events with gettimeofday) and scenario events.
 */
public final class WallClock {

    /** Creates a clock. */
    public WallClock() {
    }

    /** @return now, in microseconds since the epoch */
    public long micros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
    }
}
