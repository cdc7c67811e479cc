package io.raftvip.bench.report;

import java.util.List;
import io.raftvip.bench.steady.SteadyOptions;

/**
 * The trade-off comparison of timing profiles: one row per profile plus keepalived for reference,
 * and the full measurements behind the rows.
 *
 * @param host          where and when
 * @param profilesFile  the profiles file
 * @param rows          profiles in file order, then keepalived 0.1 s and 1 s
 * @param steadyOptions the stall settings used
 * @param details       every measurement behind the rows, in the bench report's form
 */
public record TradeoffReport(HostInfo host, String profilesFile, List<TradeoffRow> rows, SteadyOptions steadyOptions,
                             BenchReport details) {
}
