package io.raftvip.bench.watch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class AddressWatcherTest {

    @Test
    void parseMicros_readsIpTsStampsInLocalTimeWithMicroseconds() {
        long expected = LocalDateTime.of(2026, 11, 24, 11, 18, 4).atZone(ZoneId.systemDefault())
                .toEpochSecond() * 1_000_000L + 70_502;

        assertEquals(expected, AddressWatcher.parseMicros("2026-11-24T11:18:04.070502"));
    }
}
