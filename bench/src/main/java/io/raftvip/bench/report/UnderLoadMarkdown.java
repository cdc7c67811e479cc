package io.raftvip.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import io.raftvip.bench.fault.LoadStats;
import io.raftvip.bench.scenario.RunResult;
import io.raftvip.bench.steady.Observation;
import io.raftvip.bench.steady.Steadiness;
import io.raftvip.bench.steady.SteadyResult;

/**
 * The crash and partition failovers under load: each failover measured as in the failover table,
 * plus what the watchers saw over the whole loaded window.
 */
final class UnderLoadMarkdown {

    void render(StringBuilder md, Steadiness which, Map<String, List<SteadyResult>> byImpl) {
        boolean partition = which == Steadiness.PARTITION_UNDER_LOAD;
        md.append(SteadinessMarkdown.heading(which));
        md.append("The load of the load scenario runs through all runs and restores. Outage, release before bind and "
                + "overlap per run as in the failover table; the window columns cover all runs, where each run is "
                + "expected to add one release, one bind, one move and one gap")
                .append(partition ? " (raftvip: and one lease loss, the cut-off owner letting go)" : "")
                .append("; a crashed owner counts as releasing at its crash.\n\n");
        md.append("| implementation | runs | outage p50 | p95 | max | unrecovered | overlap runs (max ms) "
                + "| released before bind | never released | releases | binds | moves | gaps ≥ 10 ms | two owners ms "
                + "| lease losses | fsync ms p50 / max |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        byImpl.forEach((impl, rows) -> {
            List<RunResult> runs = new ArrayList<>();
            rows.forEach(r -> runs.addAll(r.failovers()));
            if (runs.isEmpty()) {
                return;
            }
            Summary s = Summary.of(impl, runs.get(0).scenario(), runs);
            for (SteadyResult r : rows) {
                Observation ob = r.observation();
                LoadStats l = r.load();
                md.append("| ").append(impl).append(" | ").append(s.runs())
                        .append(" | ").append(Cells.ms(s.p50Ms())).append(" | ").append(Cells.ms(s.p95Ms()))
                        .append(" | ").append(Cells.ms(s.maxMs())).append(" | ").append(s.unrecovered())
                        .append(" | ").append(s.overlapCount()).append(" (").append(Cells.exact(s.overlapMaxMs()))
                        .append(") | ").append(partition ? s.releaseBeforeBind() + "/" + s.runs() : "-")
                        .append(" | ").append(partition ? Integer.toString(s.neverReleasedCount()) : "-")
                        .append(" | ").append(Cells.perNode(ob.counts().releases(), ob.nodes()))
                        .append(" | ").append(Cells.perNode(ob.counts().binds(), ob.nodes()))
                        .append(" | ").append(ob.counts().moves())
                        .append(" | ").append(ob.gaps10())
                        .append(" | ").append(Cells.exact(ob.overlapMs()))
                        .append(" | ").append(Cells.leaseLosses(ob))
                        .append(" | ").append(String.format("%.1f / %.1f", l.fsyncP50Ms(), l.fsyncMaxMs()))
                        .append(" |\n");
            }
        });
    }
}
