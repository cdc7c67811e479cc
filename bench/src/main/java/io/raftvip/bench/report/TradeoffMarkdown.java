package io.raftvip.bench.report;

/**
 * Renders {@code tradeoff.md}: one row per timing profile and keepalived 0.1 s and 1 s for
 * reference, then the stall and failover tables the rows come from.
 */
public final class TradeoffMarkdown {

    /** Creates a renderer. */
    public TradeoffMarkdown() {
    }

    /** @return the trade-off report as Markdown */
    public String render(TradeoffReport r) {
        BenchReport d = r.details();
        StringBuilder md = new StringBuilder("# raftvip timing trade-offs\n\n");
        md.append("- date: ").append(r.host().date()).append('\n');
        md.append("- kernel: ").append(r.host().kernel()).append('\n');
        md.append("- CPU: ").append(r.host().cpu()).append(" (").append(r.host().cores()).append(" cores)\n");
        md.append("- profiles: `").append(r.profilesFile()).append("`\n");
        md.append("- runs per failover scenario: ").append(d.runsPerScenario()).append("; stalls of ")
                .append(r.steadyOptions().stallsMs()).append(" ms, every ").append(r.steadyOptions().stallEveryMs())
                .append(" ms for ").append(r.steadyOptions().stallWindowMs() / 1000).append(" s; idle window ")
                .append(d.idleSeconds()).append(" s\n\n");
        md.append("Same lab and measurements as `latest.md` (see bench/README.md), on an idle host. *Stall "
                + "tolerance*: the largest stall tried that, with every shorter one, caused zero releases and zero "
                + "moves. Crash and partition: the client's outage in ms. *Release first*: partition runs in which "
                + "the cut-off owner let go before the new owner bound. *Two owners*: crash/partition runs and "
                + "stall series in which two nodes held the VIP at once. Idle CPU: % of a core, the busiest node "
                + "(the leader, as a rule) and the mean of the three.\n\n");
        md.append("| profile | timing | stall tolerance | crash p50 | crash p95 | partition p50 | release first "
                + "| two owners | idle CPU % max (mean) | RSS MiB |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (TradeoffRow row : r.rows()) {
            md.append("| ").append(row.name())
                    .append(" | ").append(timing(row.timing()))
                    .append(" | ").append(orDash(row.stallTolerance()))
                    .append(" | ").append(ms(row.crashP50Ms())).append(" | ").append(ms(row.crashP95Ms()))
                    .append(" | ").append(ms(row.partitionP50Ms()))
                    .append(" | ").append(orDash(row.releaseBeforeBind()))
                    .append(" | ").append(row.overlaps())
                    .append(" | ").append(row.cpuMaxPercent() == null ? "-"
                            : String.format("%.1f (%.1f)", row.cpuMaxPercent(), row.cpuMeanPercent()))
                    .append(" | ").append(row.rssMeanMib() == null ? "-" : String.format("%.0f", row.rssMeanMib()))
                    .append(" |\n");
        }
        md.append("\n## Details\n");
        if (!d.summaries().isEmpty()) {
            MarkdownReport.failoverTable(md, d.summaries());
        }
        md.append(new SteadinessMarkdown().render(d.steadyOptions(), d.steadiness()));
        if (!d.errors().isEmpty()) {
            md.append("\n## Not measured\n\n");
            d.errors().forEach(e -> md.append("- ").append(e).append('\n'));
        }
        return md.toString();
    }

    private static String timing(String t) {
        if (t == null) {
            return "(keepalived, reference)";
        }
        return t.isEmpty() ? "daemon defaults" : "`" + t.replace("|", "\\|") + "`";
    }

    private static String ms(Double v) {
        return v == null ? "-" : Cells.ms(v);
    }

    private static String orDash(String s) {
        return s == null ? "-" : s;
    }
}
