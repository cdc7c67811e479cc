package io.raftvip.bench.fault;

import java.util.List;

/**
 * How a series of stalls went, to show that they were as long as asked: planned and done, the
 * measured stop time (mean, min, max) and the worst deviation from the nominal time.
 *
 * @param planned          stalls the schedule asked for
 * @param done             stalls that stopped every process of the owner's instance
 * @param meanMs           mean measured stop time of the done stalls
 * @param minMs            shortest
 * @param maxMs            longest
 * @param maxErrorMs       largest |measured - nominal|
 * @param maxSignallingMs  longest time a SIGSTOP plus SIGCONT batch took to send
 */
public record StallStats(int planned, int done, double meanMs, double minMs, double maxMs, double maxErrorMs,
                         double maxSignallingMs) {

    /** Summarises {@code stalls} out of {@code planned}. */
    public static StallStats of(List<Stall> stalls, int planned) {
        List<Stall> done = stalls.stream().filter(Stall::done).toList();
        if (done.isEmpty()) {
            return new StallStats(planned, 0, 0, 0, 0, 0, 0);
        }
        double sum = 0;
        double min = Double.MAX_VALUE;
        double max = 0;
        double error = 0;
        double signalling = 0;
        for (Stall s : done) {
            double ms = s.measuredMicros() / 1000.0;
            sum += ms;
            min = Math.min(min, ms);
            max = Math.max(max, ms);
            error = Math.max(error, Math.abs(s.measuredMicros() - s.nominalMicros()) / 1000.0);
            signalling = Math.max(signalling, s.signallingMicros() / 1000.0);
        }
        return new StallStats(planned, done.size(), sum / done.size(), min, max, error, signalling);
    }
}
