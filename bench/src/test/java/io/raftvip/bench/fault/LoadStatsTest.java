package io.raftvip.bench.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class LoadStatsTest {

    @Test
    void fsyncPercentiles_areNearestRank_overUnsortedTimes() {
        long[] nanos = new long[100];
        for (int i = 0; i < 100; i++) {
            nanos[i] = (100 - i) * 1_000_000L;
        }

        LoadStats s = LoadStats.of(4, true, "ext4 /dev/vda", 60, nanos, 65_536, null);

        assertEquals(100, s.fsyncs());
        assertEquals(50.0, s.fsyncP50Ms(), 1e-9);
        assertEquals(99.0, s.fsyncP99Ms(), 1e-9);
        assertEquals(100.0, s.fsyncMaxMs(), 1e-9);
        assertEquals(6.25, s.mibWritten(), 1e-9);
        assertFalse(s.memoryBacked());
    }

    @Test
    void noFsyncs_isZeros_andTmpfsIsFlagged() {
        LoadStats s = LoadStats.of(4, false, "tmpfs tmpfs", 1, new long[0], 65_536, "disk full");

        assertEquals(0, s.fsyncs());
        assertEquals(0.0, s.fsyncMaxMs());
        assertTrue(s.memoryBacked());
    }
}
