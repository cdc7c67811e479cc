package io.raftvip.bench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import io.raftvip.bench.daemon.HealthTiming;
import io.raftvip.bench.health.FlapResult;
import io.raftvip.bench.health.HealthScenario;
import io.raftvip.bench.health.MoveRun;
import io.raftvip.bench.scenario.Scenario;
import io.raftvip.bench.steady.Observation;

/**
 * Renders the Health gating section: the health-move runs against the target (fall ×
 * interval plus one graceful failover of the same implementation in the same run), and the
 * health-flap windows against theirs (no move).
 */
public final class HealthMarkdown {

    /** Creates a renderer. */
    public HealthMarkdown() {
    }

    /**
     * @param summaries the failover statistics of the same run, for the graceful p50 in the target
     * @return the section, or "" without health results
     */
    public String render(HealthReport h, List<Summary> summaries) {
        if (h == null || h.moves().isEmpty() && h.flaps().isEmpty()) {
            return "";
        }
        StringBuilder md = new StringBuilder("\n## Health gating\n\n");
        md.append("Every node runs one check, `").append(h.check()).append("` "
                + "(raftvip: an `http` check, `preempt: false`); "
                + "a stand-in for the API server in each node's namespace answers 200 or 503 as the bench says. "
                + "keepalived gets a `vrrp_script` running curl against the same URL, with the same interval, timeout, "
                + "fall and rise, in `track_script` without a weight: a "
                + "failed script puts the instance in FAULT, which releases the VIP (a weight only lowers the "
                + "priority, and with `nopreempt` no backup takes over because of it). ");
        md.append(h.throughout() ? "All scenarios of this run had the check (`--health`).\n"
                : "The daemons were started once more with the check for these scenarios; the others ran without "
                + "it.\n");
        if (!h.moves().isEmpty()) {
            move(md, h.timing(), h.moves(), summaries);
        }
        if (!h.flaps().isEmpty()) {
            flap(md, h.timing(), h.flapDurationMs(), h.flaps());
        }
        return md.toString();
    }

    private static void move(StringBuilder md, HealthTiming t, List<MoveRun> runs, List<Summary> summaries) {
        md.append(heading(HealthScenario.MOVE));
        md.append("Per run, the owner's stand-in starts answering 503 (t0). *Answers from another node*: t0 to "
                + "the first "
                + "answer from another node; **target**: fall × interval (").append(t.detectionBudgetMs())
                .append(" ms) plus one graceful failover, the graceful p50 of the same implementation in this run. "
                + "*Detection*: t0 to the old owner's release (its rounds must fail fall times in a row first, so "
                + "between (fall − 1) × interval and fall × interval plus the check's time); *hand-over*: that "
                + "release to the first answer from the new owner. *Outage*: the client's longest gap between "
                + "answers in which probes were lost. Overlap: two nodes held the VIP at once. *Ratio*: raftvip's "
                + "p50 of answers from another node / that keepalived's in this run (< 1: raftvip faster). "
                + "Times in ms.\n\n");
        md.append("| implementation | runs | answers from another node p50 / p95 / max | target | within target "
                + "| detection p50 / max | hand-over p50 / max | outage p50 / p95 / max | unrecovered "
                + "| overlap runs (max ms) | released before bind | ratio vs keepalived-1s "
                + "| ratio vs keepalived-0.1s |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        Map<String, List<MoveRun>> all = byImpl(runs, MoveRun::implementation);
        all.forEach((impl, rows) -> {
            Optional<Double> graceful = summaries.stream()
                    .filter(s -> s.scenario() == Scenario.GRACEFUL && s.implementation().equals(impl))
                    .map(Summary::p50Ms).findFirst();
            List<Double> answers = rows.stream().map(MoveRun::answerMs).filter(Objects::nonNull).toList();
            long overlaps = rows.stream().filter(r -> r.overlapMs() > 0).count();
            md.append("| ").append(impl).append(" | ").append(rows.size())
                    .append(" | ").append(triple(answers))
                    .append(" | ").append(graceful.map(g -> Cells.ms(t.detectionBudgetMs() + g) + " (" + t
                            .detectionBudgetMs() + " + " + Cells.ms(g) + ")").orElse(t.detectionBudgetMs()
                            + " + graceful (not measured in this run)"))
                    .append(" | ").append(graceful.map(g -> rows.stream().filter(r -> r.answerMs() != null
                            && r.answerMs() <= t.detectionBudgetMs() + g).count() + "/" + rows.size()).orElse("-"))
                    .append(" | ").append(Cells.p50Max(values(rows, MoveRun::releaseMs)))
                    .append(" | ").append(Cells.p50Max(values(rows, MoveRun::handOverMs)))
                    .append(" | ").append(triple(rows.stream().map(MoveRun::outageMs).toList()))
                    .append(" | ").append(rows.stream().filter(r -> !r.recovered()).count())
                    .append(" | ").append(overlaps).append(" (").append(Cells.exact(rows.stream()
                            .mapToDouble(MoveRun::overlapMs).max().orElse(0))).append(")")
                    .append(" | ").append(rows.stream().filter(MoveRun::releasedBeforeBind).count()).append('/')
                    .append(rows.size())
                    .append(" | ").append(ratio(all, impl, "keepalived-1s"))
                    .append(" | ").append(ratio(all, impl, "keepalived-0.1s")).append(" |\n");
        });
    }

    /** @return raftvip's p50 of answers from another node over {@code keepalived}'s; "" on keepalived rows */
    static String ratio(Map<String, List<MoveRun>> byImpl, String impl, String keepalived) {
        if (!impl.startsWith("raftvip")) {
            return "";
        }
        List<Double> mine = values(byImpl.get(impl), MoveRun::answerMs);
        List<Double> theirs = values(byImpl.getOrDefault(keepalived, List.of()), MoveRun::answerMs);
        if (mine.isEmpty() || theirs.isEmpty() || Cells.rank(theirs, 50) <= 0) {
            return "n/a";
        }
        return String.format(Locale.ROOT, "%.2f", Cells.rank(mine, 50) / Cells.rank(theirs, 50));
    }

    private static void flap(StringBuilder md, HealthTiming t, long durationMs, List<FlapResult> flaps) {
        md.append(heading(HealthScenario.FLAP));
        md.append("Per pattern, the check of the node that owned the VIP at the start fails and passes for about ")
                .append(durationMs / 1_000).append(" s (whole periods); the window runs one interval (")
                .append(t.intervalMs()).append(" ms) past the last flap. Each failure lasts (fall − 1) × interval − "
                + "interval/4, so at most fall − 1 rounds in a row fail: *brief-failures* then passes for rise × "
                + "interval + interval/4, *mostly-failing* for only interval + interval/4 (about fall − 1 of every "
                + "fall rounds fail). **Target: no move.** *Verdict changes* of the flapping node should be 0 too "
                + "(raftvip: `raftvip_health_transitions_total`; keepalived: its instance entering FAULT); counts "
                + "as in the steadiness tables.\n\n");
        md.append("| implementation | pattern | fail / pass ms | flaps | verdict changes | moves | releases | binds "
                + "| longest gap ms | gaps ≥ 10 ms | two owners ms | lease losses | no move |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        byImpl(flaps, FlapResult::implementation).forEach((impl, rows) -> {
            for (FlapResult r : rows) {
                Observation o = r.observation();
                md.append("| ").append(impl).append(" | ").append(r.pattern().name())
                        .append(" | ").append(r.pattern().failMs()).append(" / ").append(r.pattern().passMs())
                        .append(" | ").append(r.flaps())
                        .append(" | ").append(r.verdictChanges() == null ? "?" : r.verdictChanges().toString())
                        .append(" | ").append(o.counts().moves())
                        .append(" | ").append(Cells.perNode(o.counts().releases(), o.nodes()))
                        .append(" | ").append(Cells.perNode(o.counts().binds(), o.nodes()))
                        .append(" | ").append(Cells.ms(o.longestGapMs()))
                        .append(" | ").append(o.gaps10())
                        .append(" | ").append(Cells.exact(o.overlapMs()))
                        .append(" | ").append(Cells.leaseLosses(o))
                        .append(" | ").append(r.noMove() ? "yes" : "**no**").append(" |\n");
            }
        });
    }

    private static String heading(HealthScenario s) {
        return "\n### " + s.key() + ": " + s.title() + "\n\n";
    }

    private static <T> Map<String, List<T>> byImpl(List<T> rows, Function<T, String> impl) {
        return rows.stream().collect(Collectors.groupingBy(impl, () -> new TreeMap<>(Cells.IMPLEMENTATIONS),
                Collectors.toList()));
    }

    private static List<Double> values(List<MoveRun> rows, Function<MoveRun, Double> what) {
        return rows.stream().map(what).filter(Objects::nonNull).toList();
    }

    /** @return {@code p50 / p95 / max} (nearest rank), whole ms; {@code -} for none */
    private static String triple(List<Double> values) {
        if (values.isEmpty()) {
            return "-";
        }
        return Cells.ms(Cells.rank(values, 50)) + " / " + Cells.ms(Cells.rank(values, 95)) + " / "
                + Cells.ms(values.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }
}
