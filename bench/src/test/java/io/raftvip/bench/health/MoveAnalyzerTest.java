package io.raftvip.bench.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.raftvip.bench.probe.Probe;
import io.raftvip.bench.watch.Interval;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MoveAnalyzerTest {

    private static final List<String> NODES = List.of("n1", "n2", "n3");

    /** Probes every 2 ms from {@code from} to {@code to} (µs): answered by {@code node}, or lost for -1. */
    private static List<Probe> probes(long from, long to, int node) {
        List<Probe> out = new ArrayList<>();
        for (long t = from; t < to; t += 2_000) {
            out.add(node < 0 ? new Probe(t, Probe.LOST, 0) : new Probe(t, node, t + 100));
        }
        return out;
    }

    @Test
    void releaseThenBind_measuresDetectionHandOverAndOutage() {
        // check fails at 0; n1 releases at 6.2 s, n2 binds at 6.25 s and answers from 6.26 s
        List<Probe> probes = new ArrayList<>(probes(0, 6_200_000, 0));
        probes.addAll(probes(6_200_000, 6_260_000, -1));
        probes.addAll(probes(6_260_000, 7_000_000, 1));
        List<Interval> held = List.of(new Interval(0, -1_000_000, 6_200_000),
                new Interval(1, 6_250_000, Long.MAX_VALUE));

        MoveRun r = MoveAnalyzer.analyze("raftvip", 0, NODES, 0, 0, 7_000_000, probes, held, true);

        assertEquals("n1", r.oldOwner());
        assertEquals("n2", r.newOwner());
        assertEquals(6_260.1, r.answerMs(), 1e-9);
        assertEquals(6_200.0, r.releaseMs(), 1e-9);
        assertEquals(6_250.0, r.bindMs(), 1e-9);
        assertEquals(60.1, r.handOverMs(), 1e-9);
        assertEquals(0.0, r.overlapMs());
        assertTrue(r.releasedBeforeBind());
        assertTrue(r.outageMs() > 55 && r.outageMs() < 65, "outage " + r.outageMs());
    }

    @Test
    void bindBeforeRelease_isAnOverlap_andNotReleasedBeforeBind() {
        List<Interval> held = List.of(new Interval(0, -1_000_000, 3_050_000),
                new Interval(2, 3_000_000, Long.MAX_VALUE));

        MoveRun r = MoveAnalyzer.analyze("keepalived-1s", 1, NODES, 0, 0, 4_000_000, probes(0, 4_000_000, 0), held,
                true);

        assertEquals("n3", r.newOwner());
        assertEquals(50.0, r.overlapMs(), 1e-9);
        assertFalse(r.releasedBeforeBind());
        assertNull(r.answerMs(), "every answer came from the old owner");
        assertNull(r.handOverMs());
    }

    @Test
    void ownerThatKeepsTheVip_hasNoReleaseNoNewOwner() {
        List<Interval> held = List.of(new Interval(0, -1_000_000, Long.MAX_VALUE));

        MoveRun r = MoveAnalyzer.analyze("raftvip", 0, NODES, 0, 0, 2_000_000, probes(0, 2_000_000, 0), held, false);

        assertNull(r.releaseMs());
        assertNull(r.bindMs());
        assertNull(r.newOwner());
        assertEquals(0.0, r.outageMs());
        assertFalse(r.recovered());
    }
}
