package io.raftvip.bench.health;

import java.util.List;
import io.raftvip.bench.daemon.HealthTiming;

/**
 * How the owner's check flaps: fail for {@code failMs}, pass for {@code passMs}, again. Both
 * patterns fail for (fall − 1) × interval − interval/4 at a time: a stretch that short holds at
 * most fall − 1 of the daemon's rounds, whatever their phase, so the node never sees fall failing
 * rounds in a row and must stay healthy. The quarter interval is slack for rounds that start a
 * little late or early (the daemons run a round every interval after the previous one started; a
 * check's own start, a process spawn, takes milliseconds).
 *
 * <ul>
 *   <li>{@code brief-failures}: then pass for rise × interval + interval/4, i.e. at least rise
 *       rounds: short failures among long healthy stretches, the common flap.</li>
 *   <li>{@code mostly-failing}: then pass for interval + interval/4, i.e. one round, sometimes two:
 *       about fall − 1 of every fall rounds fail (two of three with the defaults), yet never fall
 *       in a row. An implementation that counted failures rather than failures in a row would
 *       move.</li>
 * </ul>
 *
 * @param name   the pattern's key in the report
 * @param failMs how long the check fails each time
 * @param passMs how long it passes in between
 */
public record FlapPattern(String name, long failMs, long passMs) {

    /** @return both patterns for {@code timing} (fall at least 2) */
    public static List<FlapPattern> of(HealthTiming timing) {
        long slack = timing.intervalMs() / 4;
        long fail = Math.max(0, (timing.fall() - 1) * timing.intervalMs() - slack);
        return List.of(new FlapPattern("brief-failures", fail, timing.rise() * timing.intervalMs() + slack),
                new FlapPattern("mostly-failing", fail, timing.intervalMs() + slack));
    }

    /** @return one fail plus one pass */
    public long periodMs() {
        return failMs + passMs;
    }
}
