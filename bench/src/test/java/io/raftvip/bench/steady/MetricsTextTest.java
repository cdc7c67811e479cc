package io.raftvip.bench.steady;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class MetricsTextTest {

    private static final String TEXT = """
            # HELP raftvip_lease_losses_total Times this node released the VIP because its leader lease expired
            # TYPE raftvip_lease_losses_total counter
            raftvip_lease_losses_total 3.0
            raftvip_lease_losses_total_created 1.7E9
            # TYPE raftvip_announcements_total counter
            raftvip_announcements_total{vip="10.213.0.100"} 4.0
            raftvip_announcements_total{vip="fd00::9"} 2.0
            """;

    @Test
    void readsTheSample_notItsCreatedSibling() {
        assertEquals(3.0, MetricsText.value(TEXT, "raftvip_lease_losses_total").getAsDouble());
    }

    @Test
    void sumsOverLabelSets() {
        assertEquals(6.0, MetricsText.value(TEXT, "raftvip_announcements_total").getAsDouble());
    }

    @Test
    void missingMetric_isEmpty() {
        assertTrue(MetricsText.value(TEXT, "raftvip_quorum").isEmpty());
    }

    @Test
    void byLabel_mapsEachSampleToItsLabelValue() {
        String text = """
                # TYPE raftvip_member_health gauge
                raftvip_member_health{member="n1"} 1.0
                raftvip_member_health{cluster="bench",member="n2"} 0.0
                raftvip_member_health{member="n3"} -1.0
                raftvip_member_health_other{member="n1"} 7.0
                """;

        assertEquals(java.util.Map.of("n1", 1.0, "n2", 0.0, "n3", -1.0),
                MetricsText.byLabel(text, "raftvip_member_health", "member"));
    }
}
