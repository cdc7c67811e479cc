package io.raftvip.bench.report;

import java.util.List;
import io.raftvip.bench.daemon.HealthTiming;
import io.raftvip.bench.health.FlapResult;
import io.raftvip.bench.health.MoveRun;

/**
 * What the health scenarios measured, with the settings they ran with.
 *
 * @param check          the check every node ran, as the report prints it
 * @param timing         its interval, timeout, fall, rise and hold-down
 * @param flapDurationMs how long each flap pattern ran (as asked)
 * @param throughout     whether every scenario ran with the check ({@code --health}); else the daemons
 *                       were restarted with it for the health scenarios alone
 * @param moves          every health-move run
 * @param flaps          every health-flap window
 */
public record HealthReport(String check, HealthTiming timing, long flapDurationMs, boolean throughout,
                           List<MoveRun> moves, List<FlapResult> flaps) {
}
