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
 * so instances never share {@code /run} paths.
 */
public final class KeepalivedImplementation implements Implementation {

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
    public void prepare(List<LabNode> nodes) throws IOException {
        for (LabNode node : nodes) {
            Path dir = Files.createDirectories(workDir.resolve(node.id()));
            Path notify = dir.resolve("notify.sh");
            Files.writeString(notify, "#!/bin/sh\necho \"$3\" > " + dir.resolve("state") + "\n");
            Files.setPosixFilePermissions(notify, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(dir.resolve("keepalived.conf"), config(node, notify));
        }
    }

    private String config(LabNode node, Path notify) {
        return """
                global_defs {
                  router_id %s
                  vrrp_version 3
                  script_user root
                }
                vrrp_instance VI_BENCH {
                  state BACKUP
                  nopreempt
                  interface eth0
                  virtual_router_id 51
                  priority %d
                  advert_int %s
                  virtual_ipaddress {
                    %s/32 dev eth0
                  }
                  notify %s
                }
                """.formatted(node.id(), 100 - 10 * node.index(), advert, vip, notify);
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
        try {
            Path state = workDir.resolve(node.id()).resolve("state");
            return Files.exists(state) && !Files.readString(state).isBlank();
        } catch (IOException e) {
            return false;
        }
    }
}
