package io.raftvip.bench.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import io.raftvip.bench.lab.LabNode;

/**
 * keepalived as shipped by Debian, configured as close to raftvip's behaviour as VRRP allows:
 * VRRPv3, every node starts as BACKUP with {@code nopreempt} (raftvip has no preferred owner and
 * never fails back), priorities 100/90/80 in node order so that ties do not depend on addresses.
 * Each namespace gets its own config, pid files and a notify script that records its state,
 * so instances never share {@code /run} paths. With health checks, each instance tracks a
 * {@code vrrp_script} equivalent to raftvip's check (see {@link #vrrpScript}).
 */
public final class KeepalivedImplementation implements Implementation {

    private static final String SCRIPT = "chk_bench";

    private final Path workDir;
    private final String vip;
    private final String advert;

    /**
     * @param workDir per-run scratch directory
     * @param vip     the VIP
     * @param advert  advert interval in seconds as keepalived writes it ({@code 1}, {@code 0.1})
     */
    public KeepalivedImplementation(Path workDir, String vip, String advert) {
        this.workDir = workDir.resolve("keepalived-" + advert);
        this.vip = vip;
        this.advert = advert;
    }

    @Override
    public String key() {
        return "keepalived-" + advert + "s";
    }

    @Override
    public String description() {
        return "keepalived (Debian), VRRPv3, advert_int " + advert + ", BACKUP+nopreempt, priority 100/90/80";
    }

    @Override
    public void prepare(List<LabNode> nodes, HealthSection health) throws IOException {
        for (LabNode node : nodes) {
            Path dir = Files.createDirectories(workDir.resolve(node.id()));
            Path notify = dir.resolve("notify.sh");
            Files.deleteIfExists(dir.resolve("states"));
            // state: the latest, for readiness; states: every change, to count FAULT entries
            Files.writeString(notify, "#!/bin/sh\necho \"$3\" > " + dir.resolve("state") + "\necho \"$3\" >> "
                    + dir.resolve("states") + "\n");
            Files.setPosixFilePermissions(notify, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(dir.resolve("keepalived.conf"), config(node, notify, health));
        }
    }

    private String config(LabNode node, Path notify, HealthSection health) {
        return """
                global_defs {
                  router_id %s
                  vrrp_version 3
                  script_user root
                }
                %svrrp_instance VI_BENCH {
                  state BACKUP
                  nopreempt
                  interface eth0
                  virtual_router_id 51
                  priority %d
                  advert_int %s
                  virtual_ipaddress {
                    %s/32 dev eth0
                  }
                %s  notify %s
                }
                """.formatted(node.id(), health == null ? "" : vrrpScript(health, node), 100 - 10 * node.index(),
                advert, vip, health == null ? "" : "  track_script {\n    " + SCRIPT + "\n  }\n", notify);
    }

    /**
     * The raftvip health check as keepalived users write it: curl against the same URL, same interval, timeout, fall
     * and rise; tracked without a weight, so a failed script puts the instance in FAULT, which
     * releases the VIP. A weight would only lower the priority, and with {@code nopreempt} (see
     * the class comment) a backup of higher priority never takes over: the VIP would not move.
     */
    static String vrrpScript(HealthSection health, LabNode node) {
        HealthTiming t = health.timing();
        return """
                vrrp_script %s {
                  script "%s"
                  interval %d
                  timeout %d
                  fall %d
                  rise %d
                }
                """.formatted(SCRIPT, String.join(" ", health.curlCommand(node)),
                wholeSeconds("interval", t.intervalMs()),
                wholeSeconds("timeout", t.timeoutMs()), t.fall(), t.rise());
    }

    /** keepalived 2.2 takes whole seconds (1..4294) for a script's interval and timeout. */
    private static long wholeSeconds(String what, long ms) {
        if (ms % 1_000 != 0 || ms < 1_000) {
            throw new IllegalArgumentException("keepalived's vrrp_script " + what + " takes whole seconds, not "
                    + ms + " ms");
        }
        return ms / 1_000;
    }

    @Override
    public void resetState() throws IOException {
        // VRRP keeps no state across restarts
    }

    @Override
    public DaemonProcess start(LabNode node) throws IOException {
        Path dir = workDir.resolve(node.id());
        Files.deleteIfExists(dir.resolve("state"));
        // a crashed machine's /run is gone after reboot; a stale pid file would make keepalived
        // refuse to start while the killed process is still a zombie
        Files.deleteIfExists(dir.resolve("keepalived.pid"));
        Files.deleteIfExists(dir.resolve("vrrp.pid"));
        return Launcher.launch(node, List.of("keepalived", "-n", "-l", "-D", "-G", "-P",
                "-f", dir.resolve("keepalived.conf").toString(),
                "-p", dir.resolve("keepalived.pid").toString(),
                "-r", dir.resolve("vrrp.pid").toString()),
                dir.resolve("keepalived.log"), List.of("keepalived"));
    }

    @Override
    public boolean ready(LabNode node, String ownerId) {
        return !vrrpState(node).isEmpty();
    }

    /** @return the VRRP state {@code node}'s instance reported last (MASTER, BACKUP, FAULT), or "" */
    public String vrrpState(LabNode node) {
        try {
            Path state = workDir.resolve(node.id()).resolve("state");
            return Files.exists(state) ? Files.readString(state).strip() : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** @return how often {@code node}'s instance entered FAULT (a failed tracked script) since it was prepared */
    public long faultEntries(LabNode node) {
        try {
            Path states = workDir.resolve(node.id()).resolve("states");
            return Files.exists(states) ? Files.readAllLines(states).stream().filter("FAULT"::equals).count() : 0;
        } catch (IOException e) {
            return 0;
        }
    }
}
