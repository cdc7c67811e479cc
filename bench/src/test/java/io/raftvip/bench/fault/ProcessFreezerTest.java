package io.raftvip.bench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.raftvip.bench.probe.WallClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class ProcessFreezerTest {

    /** Records each signal with the monotonic time it was sent; pids in {@code gone} answer ESRCH. */
    private static final class RecordingSignals implements SignalSender {
        final List<long[]> sent = new ArrayList<>();
        final List<Long> gone;

        RecordingSignals(List<Long> gone) {
            this.gone = gone;
        }

        @Override
        public int send(long pid, int signal) {
            if (signal != 0) {
                sent.add(new long[] {pid, signal, System.nanoTime()});
            } else {
                probes++;
            }
            return gone.contains(pid) ? 3 : 0;
        }

        int probes;
    }

    private static ProcessFreezer freezer(SignalSender signals) {
        return new ProcessFreezer(signals, RealtimePriority.NONE, new WallClock());
    }

    @Test
    void stopsEveryProcess_thenResumesEveryProcess_afterTheNominalTime() {
        RecordingSignals signals = new RecordingSignals(List.of());

        Stall s = freezer(signals).freeze("n2", List.of(10L, 11L), 30_000);

        assertEquals(4, signals.sent.size());
        assertEquals(List.of(10L, 11L, 10L, 11L), signals.sent.stream().map(x -> x[0]).toList());
        assertEquals(List.of(19L, 19L, 18L, 18L), signals.sent.stream().map(x -> x[1]).toList());
        long between = (signals.sent.get(2)[2] - signals.sent.get(0)[2]) / 1_000;
        // the fake stamps inside send(), a little after the freezer's own stamp before the call
        assertTrue(between >= 29_000 && between < 40_000, "SIGCONT came " + between + " µs after SIGSTOP");
        assertTrue(s.measuredMicros() >= 30_000 && Math.abs(s.measuredMicros() - between) < 1_000,
                "measured " + s.measuredMicros() + " µs, signals " + between + " µs apart");
        assertTrue(s.done());
        assertEquals("n2", s.node());
        assertEquals(2, signals.probes, "each process probed with signal 0 before the stall");
    }

    @Test
    void realtimePriority_isRaisedForTheStall_andRestoredAfter() {
        List<String> calls = new ArrayList<>();
        RealtimePriority recording = new RealtimePriority() {
            @Override
            public boolean raise() {
                calls.add("raise");
                return true;
            }

            @Override
            public void restore() {
                calls.add("restore");
            }
        };

        new ProcessFreezer(new RecordingSignals(List.of()), recording, new WallClock())
                .freeze("n1", List.of(1L), 1_000);

        assertEquals(List.of("raise", "restore"), calls);
    }

    @Test
    void processThatVanished_isNotCountedAsStopped_andNothingIsWaitedForWhenNoneStopped() {
        RecordingSignals signals = new RecordingSignals(List.of(7L));

        Stall s = freezer(signals).freeze("n1", List.of(7L), 5_000_000);

        assertEquals(0, s.stopped());
        assertFalse(s.done());
        assertTrue(s.measuredMicros() < 1_000_000, "waited " + s.measuredMicros() + " µs for nothing");
        assertEquals(List.of(19L, 18L), signals.sent.stream().map(x -> x[1]).toList());
    }

    @Test
    void interruptedWait_stillResumesAfterTheFullTime() {
        RecordingSignals signals = new RecordingSignals(List.of());
        Thread.currentThread().interrupt();
        try {
            Stall s = freezer(signals).freeze("n3", List.of(5L), 20_000);

            assertTrue(s.measuredMicros() >= 20_000, "resumed after " + s.measuredMicros() + " µs");
            assertEquals(18L, signals.sent.get(1)[1]);
        } finally {
            Thread.interrupted();
        }
    }
}
