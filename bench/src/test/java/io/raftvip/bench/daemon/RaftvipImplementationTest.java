package io.raftvip.bench.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.raftvip.bench.lab.LabNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RaftvipImplementationTest {

    private static final List<LabNode> NODES = List.of(new LabNode("n1", 0, "rvb-n1-x", "10.213.0.11", "p-n1"),
            new LabNode("n2", 1, "rvb-n2-x", "10.213.0.12", "p-n2"));

    @TempDir
    Path work;

    @Test
    void noTiming_writesNoTimingKey_soTheDaemonsDefaultsAreMeasured() throws Exception {
        RaftvipImplementation impl = new RaftvipImplementation(work, work, "10.213.0.100", null, false);

        impl.prepare(NODES);

        String config = Files.readString(work.resolve("raftvip/n1.yaml"));
        assertFalse(config.contains("timing"), config);
        assertEquals("raftvip", impl.key());
    }

    @Test
    void timing_isPassedThroughVerbatim() throws Exception {
        String timing = "{ heartbeat: 50ms, some-future-key: 7 }";
        RaftvipImplementation impl = new RaftvipImplementation(work, work, "10.213.0.100", timing, false, "fast");

        impl.prepare(NODES);

        String config = Files.readString(work.resolve("raftvip-fast/n2.yaml"));
        assertTrue(config.contains("\ntiming: " + timing + "\n"), config);
        assertEquals("raftvip[fast]", impl.key());
    }

    @Test
    void everyNode_servesMetricsOnItsOwnAddress() throws Exception {
        RaftvipImplementation impl = new RaftvipImplementation(work, work, "10.213.0.100", "", false);

        impl.prepare(NODES);

        assertTrue(Files.readString(work.resolve("raftvip/n2.yaml"))
                .contains("metrics: { listen: '10.213.0.12:9742' }"));
        assertEquals("10.213.0.11:9742", impl.metrics(NODES.get(0)));
    }

    @Test
    void health_writesEveryKey_andAnHttpCheckOfTheNodesOwnStandIn() throws Exception {
        RaftvipImplementation impl = new RaftvipImplementation(work, work, "10.213.0.100", null, false);

        impl.prepare(NODES, new HealthSection(new HealthTiming(2_000, 500, 3, 2, 30_000)));

        String config = Files.readString(work.resolve("raftvip/n2.yaml"));
        assertTrue(config.endsWith("""
                health:
                  interval: 2s
                  timeout: 500ms
                  fall: 3
                  rise: 2
                  hold-down: 30s
                  preempt: false
                  checks:
                    - { name: apiserver, kind: http, url: 'http://10.213.0.12:6443/readyz' }
                """), config);
    }

    @Test
    void noHealth_writesNoHealthSection() throws Exception {
        RaftvipImplementation impl = new RaftvipImplementation(work, work, "10.213.0.100", null, false);

        impl.prepare(NODES);

        assertFalse(Files.readString(work.resolve("raftvip/n1.yaml")).contains("health"));
    }
}
