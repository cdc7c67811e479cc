package io.raftvip.bench.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
class KeepalivedImplementationTest {

    private static final List<LabNode> NODES = List.of(new LabNode("n1", 0, "rvb-n1-x", "10.213.0.11", "p-n1"));

    @TempDir
    Path work;

    @Test
    void health_tracksACurlScriptWithTheSameTiming_withoutAWeight() throws Exception {
        KeepalivedImplementation impl = new KeepalivedImplementation(work, "10.213.0.100", "1");

        impl.prepare(NODES, new HealthSection(HealthTiming.DEFAULTS));

        String config = Files.readString(work.resolve("keepalived-1/n1/keepalived.conf"));
        assertTrue(config.contains("""
                vrrp_script chk_bench {
                  script "/usr/bin/curl -fsS -o /dev/null --max-time 1 http://10.213.0.11:6443/readyz"
                  interval 2
                  timeout 1
                  fall 3
                  rise 3
                }
                """), config);
        assertTrue(config.contains("  track_script {\n    chk_bench\n  }\n"), config);
        assertFalse(config.contains("weight"), config);
    }

    @Test
    void noHealth_noScript() throws Exception {
        KeepalivedImplementation impl = new KeepalivedImplementation(work, "10.213.0.100", "0.1");

        impl.prepare(NODES);

        assertFalse(Files.readString(work.resolve("keepalived-0.1/n1/keepalived.conf")).contains("script \""));
    }

    @Test
    void fractionsOfSeconds_areRefused_keepalivedTakesWholeSeconds() {
        HealthSection fast = new HealthSection(new HealthTiming(1_500, 500, 3, 3, 0));

        String message = assertThrows(IllegalArgumentException.class,
                () -> KeepalivedImplementation.vrrpScript(fast, NODES.get(0))).getMessage();
        assertEquals("keepalived's vrrp_script interval takes whole seconds, not 1500 ms", message);
    }

    @Test
    void faultEntries_countTheNotifyScriptsFaultLines() throws Exception {
        KeepalivedImplementation impl = new KeepalivedImplementation(work, "10.213.0.100", "1");
        impl.prepare(NODES);
        Files.writeString(work.resolve("keepalived-1/n1/states"), "BACKUP\nMASTER\nFAULT\nBACKUP\nFAULT\n");
        Files.writeString(work.resolve("keepalived-1/n1/state"), "FAULT\n");

        assertEquals(2, impl.faultEntries(NODES.get(0)));
        assertEquals("FAULT", impl.vrrpState(NODES.get(0)));
    }
}
