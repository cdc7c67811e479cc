package io.raftvip.bench.steady;

import java.util.OptionalDouble;

/** Reads one metric out of Prometheus' text exposition format. */
public final class MetricsText {

    private MetricsText() {
    }

    /**
     * The value of metric {@code name} in {@code text}: the sum over all its label sets, or empty
     * when no sample of it is there. Comments and other metrics (including ones whose name merely
     * starts with {@code name}) are skipped.
     */
    public static OptionalDouble value(String text, String name) {
        double sum = 0;
        boolean found = false;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            String rest = line.substring(name.length());
            if (rest.startsWith("{")) {
                int close = rest.lastIndexOf('}');
                if (close < 0) {
                    continue;
                }
                rest = rest.substring(close + 1);
            } else if (!rest.startsWith(" ") && !rest.startsWith("\t")) {
                continue;
            }
            String[] fields = rest.strip().split("\\s+");
            try {
                sum += Double.parseDouble(fields[0]);
                found = true;
            } catch (NumberFormatException e) {
                // not a sample line of ours; the format has no other kind, so ignore it
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }
}
