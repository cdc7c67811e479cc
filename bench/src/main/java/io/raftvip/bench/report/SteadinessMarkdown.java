package io.raftvip.bench.report;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;
import io.raftvip.bench.fault.LoadStats;
import io.raftvip.bench.fault.StallStats;
import io.raftvip.bench.steady.Observation;
import io.raftvip.bench.steady.StallTolerance;
import io.raftvip.bench.steady.Steadiness;
import io.raftvip.bench.steady.SteadyOptions;
import io.raftvip.bench.steady.SteadyResult;

/**
 * Renders the Steadiness section of the report: one table per scenario, raftvip before
 * keepalived 0.1 s and 1 s; for the stall scenario one row per stall duration and the largest
 * stall each implementation tolerated. (Failover runs under load: {@link UnderLoadMarkdown}.)
 */
public final class SteadinessMarkdown {

    /** Creates a renderer. */
    public SteadinessMarkdown() {
    }

    /** @return the section, or "" when no steadiness window was measured */
    public String render(SteadyOptions options, List<SteadyResult> results) {
        if (results.isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## Steadiness\n\n");
        md.append("Nothing should move in these scenarios. Per window, from the address watchers: **releases** and "
                + "**binds** of the VIP per node (losing it and binding it again counts as both), **moves** (a node "
                + "bound the VIP that is not the one that held it), **two owners** (ms during which two nodes held "
                + "the VIP at once: the safety property, checked in every scenario; 0 = never); from the client: "
                + "its **longest gap** between answers in which probes were lost, and such **gaps ≥ 10 ms** (a "
                + "stretch without answers but without a lost probe is the bench's own threads running late on a busy "
                + "host, not the VIP missing, and is not counted); "
                + "for raftvip the **lease losses** from its metric `raftvip_lease_losses_total`, scraped from every "
                + "node before and after the window (`-`: keepalived has none; `≥`: a scrape failed).\n");
        if (has(results, Steadiness.STALL)) {
            stall(md, options, of(results, Steadiness.STALL));
        }
        if (has(results, Steadiness.LOAD)) {
            load(md, of(results, Steadiness.LOAD));
        }
        if (has(results, Steadiness.START_TOGETHER)) {
            startTogether(md, of(results, Steadiness.START_TOGETHER));
        }
        for (Steadiness s : List.of(Steadiness.CRASH_UNDER_LOAD, Steadiness.PARTITION_UNDER_LOAD)) {
            if (has(results, s)) {
                new UnderLoadMarkdown().render(md, s, of(results, s));
            }
        }
        return md.toString();
    }

    private static List<Double> count(List<Observation> obs, ToIntFunction<Observation> what) {
        return obs.stream().map(o -> (double) what.applyAsInt(o)).toList();
    }

    /** @return e.g. {@code ### stall: owner's daemon frozen for D ms every few seconds} */
    static String heading(Steadiness s) {
        return "\n### " + s.key() + ": " + s.title() + "\n\n";
    }

    private static boolean has(List<SteadyResult> results, Steadiness s) {
        return results.stream().anyMatch(r -> r.scenario() == s);
    }

    /** @return the results of {@code s} by implementation, in table order */
    static Map<String, List<SteadyResult>> of(List<SteadyResult> results, Steadiness s) {
        return results.stream().filter(r -> r.scenario() == s).collect(Collectors.groupingBy(
                SteadyResult::implementation, () -> new TreeMap<>(Cells.IMPLEMENTATIONS), Collectors.toList()));
    }

    private static void stall(StringBuilder md, SteadyOptions o, Map<String, List<SteadyResult>> byImpl) {
        md.append(heading(Steadiness.STALL));
        if (o != null) {
            md.append("Every ").append(o.stallEveryMs()).append(" ms for ").append(o.stallWindowMs() / 1000)
                    .append(" s, ");
        }
        md.append("the daemon of the node holding the VIP at that moment is stopped with SIGSTOP and resumed with "
                + "SIGCONT after D ms (raftvip: its JVM; keepalived: its parent and VRRP child). *Stop* is the time "
                + "from the first SIGSTOP to the first SIGCONT as actually sent: mean, and the largest deviation "
                + "from D. *Stalls*: done / planned (skipped when no single node held the VIP).\n\n");
        md.append("| implementation | stall ms | stalls | stop ms (max dev) | releases | binds | moves "
                + "| longest gap ms | gaps ≥ 10 ms | two owners ms | lease losses |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        byImpl.forEach((impl, rows) -> rows.stream().sorted((a, b) -> Long.compare(a.stallMs(), b.stallMs()))
                .forEach(r -> {
                    Observation ob = r.observation();
                    StallStats st = r.stalls();
                    md.append("| ").append(impl).append(" | ").append(r.stallMs())
                            .append(" | ").append(st.done()).append('/').append(st.planned())
                            .append(" | ").append(String.format("%.1f (%.2f)", st.meanMs(), st.maxErrorMs()))
                            .append(" | ").append(Cells.perNode(ob.counts().releases(), ob.nodes()))
                            .append(" | ").append(Cells.perNode(ob.counts().binds(), ob.nodes()))
                            .append(" | ").append(ob.counts().moves())
                            .append(" | ").append(Cells.ms(ob.longestGapMs()))
                            .append(" | ").append(ob.gaps10())
                            .append(" | ").append(Cells.exact(ob.overlapMs()))
                            .append(" | ").append(Cells.leaseLosses(ob)).append(" |\n");
                }));
        md.append("\n**Largest stall tolerated** (of those tried; that stall and every shorter one without a release, "
                + "a move or a client gap ≥ 10 ms):\n\n| implementation | tolerates |\n|---|---:|\n");
        byImpl.forEach((impl, rows) -> md.append("| ").append(impl).append(" | ")
                .append(tolerance(rows, true)).append(" |\n"));
    }

    /** @return e.g. {@code 200 ms}, or {@code < 50 ms} when even the shortest stall was not tolerated */
    static String tolerance(List<SteadyResult> stallRows, boolean requireNoGap) {
        OptionalLong best = StallTolerance.largestMs(stallRows, requireNoGap);
        if (best.isPresent()) {
            return best.getAsLong() + " ms";
        }
        return "< " + stallRows.stream().mapToLong(SteadyResult::stallMs).min().orElse(0) + " ms";
    }

    private static void load(StringBuilder md, Map<String, List<SteadyResult>> byImpl) {
        LoadStats any = byImpl.values().iterator().next().get(0).load();
        md.append(heading(Steadiness.LOAD)).append(any.cpuHogs()).append(" CPU hogs (`stress-ng --cpu`, two per "
                + "core) and a writer that writes 64 KiB and fsyncs, continuously, on the filesystem of raftvip's "
                + "storage (").append(any.filesystem()).append("); no other fault. The client and the responders "
                + "share the starved CPUs, hence the rule above: only gaps with lost probes count.\n\n");
        md.append("| implementation | window s | releases | binds | moves | longest gap ms | gaps ≥ 10 ms "
                + "| two owners ms | lease losses | fsyncs | fsync ms p50 / p99 / max |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        byImpl.forEach((impl, rows) -> rows.forEach(r -> {
            Observation ob = r.observation();
            LoadStats l = r.load();
            md.append("| ").append(impl).append(" | ").append(Math.round(l.seconds()))
                    .append(" | ").append(Cells.perNode(ob.counts().releases(), ob.nodes()))
                    .append(" | ").append(Cells.perNode(ob.counts().binds(), ob.nodes()))
                    .append(" | ").append(ob.counts().moves())
                    .append(" | ").append(Cells.ms(ob.longestGapMs()))
                    .append(" | ").append(ob.gaps10())
                    .append(" | ").append(Cells.exact(ob.overlapMs()))
                    .append(" | ").append(Cells.leaseLosses(ob))
                    .append(" | ").append(l.fsyncs())
                    .append(" | ").append(String.format("%.1f / %.1f / %.1f", l.fsyncP50Ms(), l.fsyncP99Ms(),
                            l.fsyncMaxMs())).append(" |\n");
        }));
        if (any.memoryBacked()) {
            md.append("\n**Warning:** the storage is memory-backed (").append(any.filesystem())
                    .append("): fsync did nothing, only the CPU part of the load was real.\n");
        }
    }

    private static void startTogether(StringBuilder md, Map<String, List<SteadyResult>> byImpl) {
        md.append(heading(Steadiness.START_TOGETHER));
        md.append("All daemons stopped, state wiped (raftvip: empty storage) and started together. Counted from the "
                + "VIP's first bind until every node has joined (raftvip: its failover rehearsal done) plus 5 s; "
                + "gaps from the client's first answer. *Settles*: from the first bind to the last release or bind. "
                + "Per run: p50 / max.\n\n");
        md.append("| implementation | runs | first bind ms | releases | binds | moves | settles ms | longest gap ms "
                + "| gaps ≥ 10 ms (all runs) | two owners ms (max) | lease losses |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        byImpl.forEach((impl, rows) -> {
            List<Observation> obs = rows.stream().map(SteadyResult::observation).toList();
            boolean leases = obs.get(0).leaseLosses() != null;
            md.append("| ").append(impl).append(" | ").append(rows.size())
                    .append(" | ").append(Cells.p50Max(rows.stream().map(r -> r.start().firstBindMs()).toList()))
                    .append(" | ").append(Cells.p50Max(count(obs, o -> o.counts().totalReleases())))
                    .append(" | ").append(Cells.p50Max(count(obs, o -> o.counts().totalBinds())))
                    .append(" | ").append(Cells.p50Max(count(obs, o -> o.counts().moves())))
                    .append(" | ").append(Cells.p50Max(rows.stream()
                            .map(r -> r.start().settledMs() - r.start().firstBindMs()).toList()))
                    .append(" | ").append(Cells.p50Max(obs.stream().map(Observation::longestGapMs).toList()))
                    .append(" | ").append(obs.stream().mapToInt(Observation::gaps10).sum())
                    .append(" | ").append(Cells.exact(obs.stream().mapToDouble(Observation::overlapMs).max().orElse(0)))
                    .append(" | ").append(leases ? Cells.p50Max(obs.stream()
                            .map(o -> (double) o.leaseLosses()).toList()) : "-").append(" |\n");
        });
    }
}
