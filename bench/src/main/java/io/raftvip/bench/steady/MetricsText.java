package io.raftvip.bench.steady;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /**
     * The samples of metric {@code name} by the value of their label {@code label}: for
     * {@code raftvip_member_health{member="n1"} 1.0}, {@code n1 -> 1.0}. Samples without that
     * label are skipped; label values are taken as written (the bench's ids need no escapes).
     */
    public static Map<String, Double> byLabel(String text, String name, String label) {
        Pattern sample = Pattern.compile(Pattern.quote(name) + "\\{([^}]*)}\\s+(\\S+).*");
        Pattern wanted = Pattern.compile("(?:^|,)\\s*" + Pattern.quote(label) + "=\"([^\"]*)\"");
        Map<String, Double> out = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            Matcher m = sample.matcher(raw.strip());
            if (!m.matches()) {
                continue;
            }
            Matcher l = wanted.matcher(m.group(1));
            if (l.find()) {
                try {
                    out.put(l.group(1), Double.parseDouble(m.group(2)));
                } catch (NumberFormatException e) {
                    // not a sample line after all; the format has no other kind, so skip it
                }
            }
        }
        return out;
    }
}
