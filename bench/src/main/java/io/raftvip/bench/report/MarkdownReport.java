package io.raftvip.bench.report;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import io.raftvip.bench.daemon.FootprintSampler.Footprint;
import io.raftvip.bench.scenario.Scenario;

/** Renders a {@link BenchReport} as the Markdown table printed at the end and kept in {@code results/}. */
public final class MarkdownReport {

    private static final String RAFTVIP = "raftvip";

    /** Creates a renderer. */
    public MarkdownReport() {
    }

    /** @return the report as Markdown */
    public String render(BenchReport r) {
        StringBuilder md = new StringBuilder();
        md.append("# raftvip failover benchmark\n\n");
        md.append("- date: ").append(r.host().date()).append('\n');
        md.append("- kernel: ").append(r.host().kernel()).append('\n');
        md.append("- CPU: ").append(r.host().cpu()).append(" (").append(r.host().cores()).append(" cores)\n");
        md.append("- runs per scenario: ").append(r.runsPerScenario()).append('\n');
        r.implementations().forEach((k, v) -> md.append("- `").append(k).append("`: ").append(v).append('\n'));
        if (!r.summaries().isEmpty()) {
            md.append("\n## Failover\n");
            failoverTable(md, r.summaries());
        }
        md.append(new SteadinessMarkdown().render(r.steadyOptions(), r.steadiness()));
        md.append(new HealthMarkdown().render(r.health(), r.summaries()));
        md.append("\n## Idle footprint (").append(r.idleSeconds()).append(" s window)\n\n");
        md.append("| implementation | node | RSS MiB | CPU % of a core |\n|---|---|---:|---:|\n");
        for (Map.Entry<String, List<Footprint>> e : r.footprints().entrySet()) {
            for (Footprint f : e.getValue()) {
                md.append("| ").append(e.getKey()).append(" | ").append(f.node()).append(" | ")
                        .append(String.format("%.1f", f.rssMib())).append(" | ")
                        .append(String.format("%.2f", f.cpuPercent())).append(" |\n");
            }
        }
        if (!r.errors().isEmpty()) {
            md.append("\n## Not measured\n\n");
            r.errors().forEach(e -> md.append("- ").append(e).append('\n'));
        }
        return md.toString();
    }

    /** Appends the failover table of {@code summaries}. */
    static void failoverTable(StringBuilder md, List<Summary> summaries) {
        md.append("\nTimes in ms. Outage = longest gap between answers as the client received them (probes every "
                + "2 ms, an answer counts within 200 ms) around the event; cold start: from starting all daemons to "
                + "the first answer. Overlap = the address watchers "
                + "saw two nodes holding the VIP at once. Ratio = raftvip p50 / that keepalived's p50 "
                + "(< 1: raftvip faster).\n\n");
        md.append("| scenario | implementation | runs | p50 | p95 | max | unrecovered | overlap runs | overlap max "
                + "| never released | released before bind | ratio vs keepalived-1s | ratio vs keepalived-0.1s |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Scenario sc : Scenario.values()) {
            for (Summary s : summaries) {
                if (s.scenario() != sc) {
                    continue;
                }
                boolean partition = sc == Scenario.PARTITION;
                md.append("| ").append(sc.key()).append(" | ").append(s.implementation()).append(" | ").append(s.runs())
                        .append(" | ").append(ms(s.p50Ms())).append(" | ").append(ms(s.p95Ms()))
                        .append(" | ").append(ms(s.maxMs())).append(" | ").append(s.unrecovered())
                        .append(" | ").append(s.overlapCount()).append(" | ").append(ms(s.overlapMaxMs()))
                        .append(" | ").append(partition ? Integer.toString(s.neverReleasedCount()) : "-")
                        .append(" | ").append(partition ? s.releaseBeforeBind() + "/" + s.runs() : "-")
                        .append(" | ").append(ratio(summaries, s, "keepalived-1s"))
                        .append(" | ").append(ratio(summaries, s, "keepalived-0.1s")).append(" |\n");
            }
        }
    }

    private static String ratio(List<Summary> all, Summary s, String keepalived) {
        if (!s.implementation().equals(RAFTVIP)) {
            return "";
        }
        Optional<Summary> other = all.stream()
                .filter(o -> o.scenario() == s.scenario() && o.implementation().equals(keepalived)).findFirst();
        return other.filter(o -> o.p50Ms() > 0).map(o -> String.format("%.2f", s.p50Ms() / o.p50Ms())).orElse("n/a");
    }

    private static String ms(double v) {
        return String.format("%.0f", v);
    }
}
