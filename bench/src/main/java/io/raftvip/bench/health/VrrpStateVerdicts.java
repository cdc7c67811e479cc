package io.raftvip.bench.health;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.raftvip.bench.daemon.KeepalivedImplementation;
import io.raftvip.bench.lab.LabNode;

/**
 * keepalived's verdicts from the states its notify script records: an instance whose tracked
 * script failed is in FAULT (unhealthy), one in MASTER or BACKUP passed it; nothing recorded yet
 * is unknown. Each node only knows its own; VRRP has no hold-down.
 */
final class VrrpStateVerdicts implements Verdicts {

    private final KeepalivedImplementation keepalived;
    private final List<LabNode> nodes;

    VrrpStateVerdicts(KeepalivedImplementation keepalived, List<LabNode> nodes) {
        this.keepalived = keepalived;
        this.nodes = nodes;
    }

    @Override
    public Map<String, Verdict> seenBy(LabNode asked) {
        Map<String, Verdict> out = new LinkedHashMap<>();
        for (LabNode n : nodes) {
            out.put(n.id(), verdict(keepalived.vrrpState(n)));
        }
        return out;
    }

    static Verdict verdict(String vrrpState) {
        return switch (vrrpState) {
            case "FAULT" -> Verdict.UNHEALTHY;
            case "MASTER", "BACKUP" -> Verdict.HEALTHY;
            default -> Verdict.UNKNOWN;
        };
    }

    @Override
    public Long changes(LabNode node) {
        return keepalived.faultEntries(node);
    }

    @Override
    public long holdDownMs() {
        return 0;
    }
}
