package io.raftvip.bench.daemon;

/**
 * The health settings every node gets, raftvip and keepalived alike: how often the check runs,
 * how long one run may take, and how many failing (passing) rounds in a row make a node
 * unhealthy (healthy). {@link #DEFAULTS} are the daemon's documented defaults (README,
 * "health"), so that what ships is what is measured unless an option says otherwise.
 *
 * @param intervalMs  {@code health.interval} / vrrp_script {@code interval}
 * @param timeoutMs   {@code health.timeout} / vrrp_script {@code timeout}
 * @param fall        {@code health.fall} / vrrp_script {@code fall}
 * @param rise        {@code health.rise} / vrrp_script {@code rise}
 * @param holdDownMs  raftvip's {@code health.hold-down}; keepalived has none
 */
public record HealthTiming(long intervalMs, long timeoutMs, int fall, int rise, long holdDownMs) {

    /** interval 2s, timeout 1s, fall 3, rise 3, hold-down 30s: raftvip's defaults. */
    public static final HealthTiming DEFAULTS = new HealthTiming(2_000, 1_000, 3, 3, 30_000);

    /** @return the time the issue allows for noticing a failed check: fall × interval, ms */
    public long detectionBudgetMs() {
        return fall * intervalMs;
    }

    /** @return e.g. {@code interval 2s, timeout 1s, fall 3, rise 3, hold-down 30s} */
    public String describe() {
        return "interval " + duration(intervalMs) + ", timeout " + duration(timeoutMs) + ", fall " + fall
                + ", rise " + rise + ", hold-down " + duration(holdDownMs);
    }

    /** @return a duration as raftvip's configuration writes it: whole seconds as {@code 2s}, else {@code 500ms} */
    public static String duration(long ms) {
        return ms % 1_000 == 0 ? ms / 1_000 + "s" : ms + "ms";
    }
}
