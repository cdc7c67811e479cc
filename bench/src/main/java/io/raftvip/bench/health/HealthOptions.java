package io.raftvip.bench.health;

import io.raftvip.bench.daemon.HealthTiming;
import io.raftvip.bench.steady.SteadyOptions;

/**
 * Settings of the health checks and the health scenarios, validated together.
 *
 * @param enabled        {@code --health}: every scenario runs with a passing check on every node, not only
 *                       the health scenarios
 * @param timing         {@code --health-interval}, {@code --health-timeout}, {@code --health-fall},
 *                       {@code --health-rise}, {@code --health-hold-down}; default: raftvip's defaults
 * @param flapDurationMs {@code --flap-duration}: how long each flap pattern runs (default 10m)
 */
public record HealthOptions(boolean enabled, HealthTiming timing, long flapDurationMs) {

    /** @return the defaults: health checks only in the health scenarios, raftvip's default timing, 10 minutes */
    public static HealthOptions defaults() {
        return new Builder().build();
    }

    /** Collects the health options from the command line; {@link #build()} checks them together. */
    public static final class Builder {
        private boolean enabled;
        private String interval = HealthTiming.duration(HealthTiming.DEFAULTS.intervalMs());
        private String timeout = HealthTiming.duration(HealthTiming.DEFAULTS.timeoutMs());
        private String fall = Integer.toString(HealthTiming.DEFAULTS.fall());
        private String rise = Integer.toString(HealthTiming.DEFAULTS.rise());
        private String holdDown = HealthTiming.duration(HealthTiming.DEFAULTS.holdDownMs());
        private String flapDuration = "10m";

        /** Creates a builder holding the defaults. */
        public Builder() {
        }

        /** {@code --health}: checks on in every scenario. */
        public void enable() {
            enabled = true;
        }

        /** Takes the value of one of the health options; checked in {@link #build()}. */
        public void set(String option, String value) {
            switch (option) {
                case "--health-interval" -> interval = value;
                case "--health-timeout" -> timeout = value;
                case "--health-fall" -> fall = value;
                case "--health-rise" -> rise = value;
                case "--health-hold-down" -> holdDown = value;
                case "--flap-duration" -> flapDuration = value;
                default -> throw new IllegalArgumentException(option + ": not a health option");
            }
        }

        /** @throws IllegalArgumentException naming the option, the value and the rule */
        public HealthOptions build() {
            long intervalMs = SteadyOptions.millis("--health-interval", interval);
            long timeoutMs = SteadyOptions.millis("--health-timeout", timeout);
            if (timeoutMs >= intervalMs) {
                throw new IllegalArgumentException("--health-timeout " + timeout + ": must be shorter than "
                        + "--health-interval (" + interval + "), as raftvip requires");
            }
            HealthTiming timing = new HealthTiming(intervalMs, timeoutMs, count("--health-fall", fall),
                    count("--health-rise", rise), holdDownMs(holdDown));
            long flapMs = SteadyOptions.millis("--flap-duration", flapDuration);
            long longest = FlapPattern.of(timing).stream().mapToLong(FlapPattern::periodMs).max().orElse(0);
            if (flapMs < longest) {
                throw new IllegalArgumentException("--flap-duration " + flapDuration + ": shorter than one flap ("
                        + longest + " ms with this interval, fall and rise), so no pattern would run even once");
            }
            return new HealthOptions(enabled, timing, flapMs);
        }
    }

    /** A failing check must be able to fail fewer than fall rounds in a row; with fall 1 it cannot. */
    public void requireFlappable() {
        if (timing.fall() < 2) {
            throw new IllegalArgumentException("--health-fall " + timing.fall() + ": health-flap needs at least 2; "
                    + "with fall 1 a single failing round makes a node unhealthy, so no flap is faster than fall");
        }
    }

    /** keepalived 2.2 takes a script's interval and timeout in whole seconds; the comparison needs the same values. */
    public void requireWholeSeconds() {
        wholeSeconds("--health-interval", timing.intervalMs());
        wholeSeconds("--health-timeout", timing.timeoutMs());
    }

    private static void wholeSeconds(String option, long ms) {
        if (ms % 1_000 != 0) {
            throw new IllegalArgumentException(option + " " + ms + "ms: keepalived's vrrp_script takes whole seconds; "
                    + "use whole seconds or --only raftvip");
        }
    }

    private static int count(String option, String value) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1 && n <= 100) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(option + " " + value + ": must be a whole number from 1 to 100, "
                + "as raftvip requires");
    }

    /** {@code 0} (or {@code 0s}) turns the hold-down off, as in raftvip's configuration. */
    private static long holdDownMs(String value) {
        return value.strip().matches("0(ms|s|m|h)?") ? 0 : SteadyOptions.millis("--health-hold-down", value);
    }
}
