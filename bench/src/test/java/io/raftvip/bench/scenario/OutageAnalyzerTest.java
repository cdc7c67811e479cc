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
    void gapsAtLeast_countsEachStretchOnce_andIgnoresShortOnes() {
        List<Probe> probes = List.of(answered(0, 0), lost(2_000), answered(4_000, 0), lost(6_000), lost(8_000),
                lost(10_000), lost(12_000), lost(14_000), answered(16_000, 1), answered(18_000, 1));

        assertEquals(1, OutageAnalyzer.gapsAtLeast(probes, 0, 18_100, 10));
        assertEquals(2, OutageAnalyzer.gapsAtLeast(probes, 0, 18_100, 4));
        assertEquals(12.0, OutageAnalyzer.longestGapMs(probes, 0, 18_100));
    }

    @Test
    void gapsAtLeast_countsAnUnansweredTail_andAnUnansweredWindowAsOneGap() {
        assertEquals(1, OutageAnalyzer.gapsAtLeast(List.of(answered(0, 0), lost(2_000)), 0, 30_000, 10));
        assertEquals(1, OutageAnalyzer.gapsAtLeast(List.of(lost(0), lost(2_000)), 0, 30_000, 10));
        assertEquals(0, OutageAnalyzer.gapsAtLeast(List.of(answered(0, 0), answered(2_000, 0)), 0, 2_200, 10));
    }

    @Test
    void firstAnswer_isTheEarliestArrivalAfterTheStart() {
        List<Probe> probes = List.of(answered(0, 0), lost(5), new Probe(9, 2, 400), new Probe(300, 2, 350));

        assertEquals(350, OutageAnalyzer.firstAnswer(probes, 101));
        assertEquals(-1, OutageAnalyzer.firstAnswer(probes, 401));
    }
}
