package io.raftvip.bench.report;

import java.util.Comparator;
import java.util.List;
import io.raftvip.bench.steady.Observation;

/** How the Markdown tables write their cells, so that every table says the same thing the same way. */
final class Cells {

    private Cells() {
    }

    /** Order of implementations in the steadiness and trade-off tables: raftvip, then keepalived fast, slow. */
    static final Comparator<String> IMPLEMENTATIONS = Comparator.comparingInt(Cells::order)
            .thenComparing(Comparator.<String>naturalOrder());

    private static int order(String impl) {
        if (impl.startsWith("raftvip")) {
            return 0;
        }
        return switch (impl) {
            case "keepalived-0.1s" -> 1;
            case "keepalived-1s" -> 2;
            default -> 3;
        };
    }

    /** @return whole milliseconds */
    static String ms(double v) {
        return String.format("%.0f", v);
    }

    /** @return 0, or the time with one decimal: a sub-millisecond overlap must not print as 0 */
    static String exact(double ms) {
        return ms == 0 ? "0" : String.format("%.1f", ms);
    }

    /** @return a total with the non-zero nodes, e.g. {@code 3 (n1 2, n3 1)} */
    static String perNode(List<Integer> counts, List<String> nodes) {
        int total = counts.stream().mapToInt(Integer::intValue).sum();
        if (total == 0) {
            return "0";
        }
        StringBuilder sb = new StringBuilder().append(total).append(" (");
        String sep = "";
        for (int i = 0; i < counts.size(); i++) {
            if (counts.get(i) > 0) {
                sb.append(sep).append(nodes.get(i)).append(' ').append(counts.get(i));
                sep = ", ";
            }
        }
        return sb.append(')').toString();
    }

    /** @return raftvip's lease losses; {@code -} where there are none to count; {@code ≥} when a scrape failed */
    static String leaseLosses(Observation o) {
        if (o.leaseLosses() == null) {
            return "-";
        }
        return (o.leaseLossesComplete() ? "" : "≥") + o.leaseLosses();
    }

    /** @return nearest-rank percentile of {@code values} (not empty) */
    static double rank(List<Double> values, int percentile) {
        List<Double> sorted = values.stream().sorted().toList();
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    /** @return {@code p50 / max} of {@code values}, whole numbers */
    static String p50Max(List<Double> values) {
        if (values.isEmpty()) {
            return "-";
        }
        return ms(rank(values, 50)) + " / " + ms(values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }
}
