package io.raftvip.bench.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import io.raftvip.bench.probe.Probe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class OutageAnalyzerTest {

    @Test
    void longestGap_isBetweenLastAnswerBeforeAndFirstAfter() {
        List<Probe> probes = List.of(new Probe(0, 0), new Probe(2_000, 0), new Probe(4_000, Probe.LOST),
                new Probe(6_000, Probe.LOST), new Probe(8_000, 1), new Probe(10_000, 1));

        assertEquals(6.0, OutageAnalyzer.longestGapMs(probes, 0, 10_000));
    }

    @Test
    void unansweredTail_countsUntilWindowEnd() {
        List<Probe> probes = List.of(new Probe(0, 0), new Probe(2_000, Probe.LOST));

        assertEquals(50.0, OutageAnalyzer.longestGapMs(probes, 0, 50_000));
    }

    @Test
    void firstAnswer_skipsLostAndEarlierProbes() {
        List<Probe> probes = List.of(new Probe(0, 0), new Probe(5, Probe.LOST), new Probe(9, 2));

        assertEquals(9, OutageAnalyzer.firstAnswer(probes, 1));
        assertEquals(-1, OutageAnalyzer.firstAnswer(probes, 10));
    }
}
