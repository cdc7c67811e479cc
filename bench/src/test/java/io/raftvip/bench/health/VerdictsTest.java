package io.raftvip.bench.health;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import io.raftvip.bench.health.Verdicts.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class VerdictsTest {

    @Test
    void raftvipMemberHealthGauge_oneHealthy_zeroUnhealthy_elseUnknown() {
        assertEquals(Verdict.HEALTHY, MetricsVerdicts.verdict(1));
        assertEquals(Verdict.UNHEALTHY, MetricsVerdicts.verdict(0));
        assertEquals(Verdict.UNKNOWN, MetricsVerdicts.verdict(-1));
    }

    @Test
    void keepalivedState_faultIsUnhealthy_nothingRecordedIsUnknown() {
        assertEquals(Verdict.UNHEALTHY, VrrpStateVerdicts.verdict("FAULT"));
        assertEquals(Verdict.HEALTHY, VrrpStateVerdicts.verdict("MASTER"));
        assertEquals(Verdict.HEALTHY, VrrpStateVerdicts.verdict("BACKUP"));
        assertEquals(Verdict.UNKNOWN, VrrpStateVerdicts.verdict(""));
    }
}
