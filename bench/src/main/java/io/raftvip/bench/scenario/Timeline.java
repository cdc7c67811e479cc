package io.raftvip.bench.scenario;

import java.util.List;
import io.raftvip.bench.probe.Probe;
import io.raftvip.bench.watch.Interval;

/**
 * Everything seen around one failover, kept for the timeline picture.
 *
 * @param implementation implementation key
 * @param scenario       scenario
 * @param nodeIds        node ids by index
 * @param eventMicros    when the event was triggered
 * @param fromMicros     start of the drawn window
 * @param toMicros       end of the drawn window
 * @param probes         the client's probes in the window
 * @param holdings       who held the VIP in the window
 */
public record Timeline(String implementation, Scenario scenario, List<String> nodeIds, long eventMicros,
                       long fromMicros, long toMicros, List<Probe> probes, List<Interval> holdings) {
}
