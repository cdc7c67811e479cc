package io.raftvip.bench.steady;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Settings of the steadiness scenarios, validated together.
 *
 * @param stallsMs      stall durations, ascending ({@code --stalls}, default 50,100,200,500)
 * @param stallWindowMs length of each stall series ({@code --stall-window}, default 45s)
 * @param stallEveryMs  time from one stall's start to the next ({@code --stall-every}, default 3s)
 * @param loadDurationMs how long the load scenario runs ({@code --load-duration}, default 10m)
 */
public record SteadyOptions(List<Long> stallsMs, long stallWindowMs, long stallEveryMs, long loadDurationMs) {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");
    private static final long MAX_STALL_MS = 60_000;

    /** @return the defaults */
    public static SteadyOptions defaults() {
        return new Builder().build();
    }

    /** Collects the steadiness options from the command line; {@link #build()} checks them together. */
    public static final class Builder {
        private String stalls = "50,100,200,500";
        private String window = "45s";
        private String every = "3s";
        private String loadDuration = "10m";

        /** Creates a builder holding the defaults. */
        public Builder() {
        }

        /**
         * Takes the value of {@code --stalls}, {@code --stall-window}, {@code --stall-every} or
         * {@code --load-duration}; checked in {@link #build()}.
         */
        public void set(String option, String value) {
            switch (option) {
                case "--stalls" -> stalls = value;
                case "--stall-window" -> window = value;
                case "--stall-every" -> every = value;
                case "--load-duration" -> loadDuration = value;
                default -> throw new IllegalArgumentException(option + ": not a steadiness option");
            }
        }

        /** @throws IllegalArgumentException naming the option, the value and the rule */
        public SteadyOptions build() {
            List<Long> list = stalls(stalls);
            long windowMs = millis("--stall-window", window);
            long everyMs = millis("--stall-every", every);
            long longest = list.get(list.size() - 1);
            if (everyMs <= longest) {
                throw new IllegalArgumentException("--stall-every " + every + ": must be longer than the longest "
                        + "stall (" + longest + " ms in --stalls), so that each stall ends before the next starts");
            }
            if (windowMs < everyMs) {
                throw new IllegalArgumentException("--stall-window " + window + ": must be at least --stall-every ("
                        + every + "), or no stall fits");
            }
            long loadMs = millis("--load-duration", loadDuration);
            if (loadMs < 1_000) {
                throw new IllegalArgumentException("--load-duration " + loadDuration + ": must be at least 1s");
            }
            return new SteadyOptions(list, windowMs, everyMs, loadMs);
        }
    }

    /** Parses {@code 50,100,200} (ms; a trailing {@code ms} is allowed) into distinct ascending values. */
    static List<Long> stalls(String value) {
        List<Long> out = new ArrayList<>();
        for (String part : value.split(",", -1)) {
            String s = part.strip();
            s = s.endsWith("ms") ? s.substring(0, s.length() - 2) : s;
            long ms;
            try {
                ms = Long.parseLong(s);
            } catch (NumberFormatException e) {
                ms = -1;
            }
            if (ms < 1 || ms > MAX_STALL_MS) {
                throw new IllegalArgumentException("--stalls " + value + ": '" + part.strip() + "' is not a whole "
                        + "number of milliseconds from 1 to " + MAX_STALL_MS + " (e.g. --stalls 50,100,200,500)");
            }
            if (out.contains(ms)) {
                throw new IllegalArgumentException("--stalls " + value + ": " + ms + " ms is listed twice");
            }
            out.add(ms);
        }
        out.sort(null);
        return List.copyOf(out);
    }

    /**
     * Parses a duration such as {@code 45s}, {@code 500ms}, {@code 10m}, {@code 1h} into ms (positive).
     *
     * @throws IllegalArgumentException naming the option, the value and the rule
     */
    public static long millis(String option, String value) {
        Matcher m = DURATION.matcher(value.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException(option + " " + value + ": must be a positive whole number with a unit "
                    + "ms, s, m or h (e.g. 45s, 500ms, 10m)");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> n;
            case "s" -> n * 1_000;
            case "m" -> n * 60_000;
            default -> n * 3_600_000;
        };
    }
}
