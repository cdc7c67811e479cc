package io.raftvip.bench.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProbeLogTest {

    @Test
    void lateAnswer_fromAProbeParkedOnArp_countsAsLost() {
        ProbeLog log = new ProbeLog();
        int early = log.recordSend(1_000_000);
        int prompt = log.recordSend(2_000_000);

        log.recordAnswer(early, 1, 1_000_000 + 1_500_000);
        log.recordAnswer(prompt, 1, 2_000_500);

        assertEquals(List.of(new Probe(1_000_000, Probe.LOST, 0), new Probe(2_000_000, 1, 2_000_500)),
                log.between(0, Long.MAX_VALUE));
    }

    @Test
    void steadyAnswerer_requiresOneNodeToAnswerEveryProbe() {
        ProbeLog log = new ProbeLog();
        for (int i = 0; i < 10; i++) {
            log.recordAnswer(log.recordSend(i * 2_000L), i < 5 ? 0 : 2, i * 2_000L + 100);
        }

        assertEquals(2, log.steadyAnswerer(10_000, 20_000));
        assertEquals(Probe.LOST, log.steadyAnswerer(0, 20_000));
        assertEquals(Probe.LOST, log.steadyAnswerer(50_000, 60_000));
    }

    @Test
    void growsBeyondItsInitialCapacity() {
        ProbeLog log = new ProbeLog();
        for (int i = 0; i < 70_000; i++) {
            log.recordSend(i);
        }

        assertEquals(10, log.between(69_990, 70_000).size());
    }
}
