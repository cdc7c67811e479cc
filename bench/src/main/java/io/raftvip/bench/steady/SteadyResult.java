package io.raftvip.bench.steady;

import java.util.List;
import io.raftvip.bench.fault.LoadStats;
import io.raftvip.bench.fault.StallStats;
import io.raftvip.bench.scenario.RunResult;

/**
 * One measured steadiness window of one implementation. Which of the optional parts are there
 * depends on the scenario.
 *
 * @param implementation implementation key
 * @param scenario       the scenario
 * @param run            0-based run (start-together repeats; the others run once, stall once per duration)
 * @param stallMs        stall: the nominal stall duration; else null
 * @param observation    what the window showed
 * @param stalls         stall: how the stalls went; else null
 * @param load           load, crash/partition-under-load: what the load was; else null
 * @param start          start-together: when things happened; else null
 * @param failovers      crash/partition-under-load: the failover runs, measured as in the failover table; else empty
 */
public record SteadyResult(String implementation, Steadiness scenario, int run, Long stallMs, Observation observation,
                           StallStats stalls, LoadStats load, StartTimes start, List<RunResult> failovers) {
}
