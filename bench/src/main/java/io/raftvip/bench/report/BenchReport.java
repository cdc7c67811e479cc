package io.raftvip.bench.report;

import java.util.List;
import java.util.Map;
import io.raftvip.bench.daemon.FootprintSampler.Footprint;
import io.raftvip.bench.scenario.RunResult;
import io.raftvip.bench.steady.SteadyOptions;
import io.raftvip.bench.steady.SteadyResult;

/**
 * Everything one bench run produced, as written to JSON and rendered to Markdown.
 *
 * @param host            where and when
 * @param implementations implementation key to its description
 * @param runsPerScenario requested runs
 * @param summaries       statistics per implementation and failover scenario
 * @param footprints      idle footprint per implementation
 * @param idleSeconds     length of the idle window
 * @param runs            every measured failover run
 * @param errors          scenarios that could not be run, with the reason
 * @param steadyOptions   stall and load settings, or null when no steadiness scenario was run
 * @param steadiness      every measured steadiness window
 * @param health          the health scenarios' runs and settings, or null when none was run
 */
public record BenchReport(HostInfo host, Map<String, String> implementations, int runsPerScenario,
                          List<Summary> summaries, Map<String, List<Footprint>> footprints, int idleSeconds,
                          List<RunResult> runs, List<String> errors, SteadyOptions steadyOptions,
                          List<SteadyResult> steadiness, HealthReport health) {
}
