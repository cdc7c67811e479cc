package io.raftvip.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import io.raftvip.bench.probe.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class OutageAnalyzerTest {

    private static Probe answered(long sent, int node) {
        return new Probe(sent, node, sent + 100);
    }

    private static Probe lost(long sent) {
        return new Probe(sent, Probe.LOST, 0);
    }

    @Test
    void longestGap_isBetweenLastAnswerBeforeAndFirstAfter() {
        List<Probe> probes = List.of(answered(0, 0), answered(2_000, 0), lost(4_000), lost(6_000),
                answered(8_000, 1), answered(10_000, 1));

        assertEquals(6.0, OutageAnalyzer.longestGapMs(probes, 0, 10_100));
    }

    @Test
    void answersReleasedFromTheArpQueue_countWhenTheyArrive() {
        List<Probe> probes = List.of(answered(0, 0), new Probe(100_000, 1, 300_000), answered(300_000, 1));

        assertEquals(299.9, OutageAnalyzer.longestGapMs(probes, 0, 300_100), 1e-9);
    }

    @Test
    void unansweredTail_countsUntilWindowEnd() {
        List<Probe> probes = List.of(answered(0, 0), lost(2_000));

        assertEquals(49.9, OutageAnalyzer.longestGapMs(probes, 0, 50_000), 1e-9);
    }

    @Test
    void lossGaps_areTheStretchesWithLostProbes_eachOnce() {
        List<Probe> probes = List.of(answered(0, 0), lost(2_000), answered(4_000, 0), lost(6_000), lost(8_000),
                lost(10_000), lost(12_000), lost(14_000), answered(16_000, 1), answered(18_000, 1));

        assertEquals(List.of(4_000L, 12_000L), OutageAnalyzer.lossGapsMicros(probes, 0, 18_100));
        assertEquals(12.0, OutageAnalyzer.longestGapMs(probes, 0, 18_100));
    }

    @Test
    void lateButAnsweredProbes_andProbesNeverSent_areNoLossGap() {
        // the prober was starved for 30 ms, then an answer came 50 ms late: the bench, not the VIP
        List<Probe> probes = List.of(answered(0, 0), answered(30_000, 0), new Probe(32_000, 0, 82_000),
                answered(84_000, 0));

        assertEquals(List.of(), OutageAnalyzer.lossGapsMicros(probes, 0, 84_200));
        assertEquals(51.9, OutageAnalyzer.longestGapMs(probes, 0, 84_200), 1e-9);
    }

    @Test
    void lossGaps_countAnUnansweredTail_andAnUnansweredWindowAsOneGap() {
        assertEquals(List.of(28_100L), OutageAnalyzer.lossGapsMicros(List.of(answered(0, 0), lost(2_000)), 0, 28_200));
        assertEquals(List.of(30_000L), OutageAnalyzer.lossGapsMicros(List.of(lost(0), lost(2_000)), 0, 30_000));
        assertEquals(List.of(), OutageAnalyzer.lossGapsMicros(List.of(), 0, 30_000));
    }

    @Test
    void firstAnswer_isTheEarliestArrivalAfterTheStart() {
        List<Probe> probes = List.of(answered(0, 0), lost(5), new Probe(9, 2, 400), new Probe(300, 2, 350));

        assertEquals(350, OutageAnalyzer.firstAnswer(probes, 101));
        assertEquals(-1, OutageAnalyzer.firstAnswer(probes, 401));
    }
}
