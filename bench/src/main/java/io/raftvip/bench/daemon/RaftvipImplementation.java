package io.raftvip.bench.daemon;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import io.raftvip.bench.lab.LabNode;
import io.raftvip.bench.lab.ScratchFiles;

/**
 * raftvip started through its launcher {@code bin/raftvip run --config FILE}; readiness asked
 * through {@code bin/raftvipctl --endpoint unix://... owner}. Only the command-line interface is
 * used, never server classes.
 */
public final class RaftvipImplementation implements Implementation {

    /** Where each node serves Prometheus metrics: its own address, inside its namespace. */
    public static final int METRICS_PORT = 9742;

    private final Path repoRoot;
    private final Path workDir;
    private final String key;
    private final String vip;
    private final String timing;
    private final boolean classDataArchive;
    /** Where each daemon's latest run starts in its appended log. */
    /** Where each node's latest run starts in its (appended) log. */
    private final Map<String, Long> logStart = new ConcurrentHashMap<>();
    /** The daemon's log line when its failover rehearsal is over, done or failed. */
    static final String REHEARSAL_OVER = "failover rehearsal: ";

    /**
     * @param repoRoot source tree holding {@code bin/raftvip} and the built server
     * @param workDir  per-run scratch directory
     * @param vip      the VIP
     * @param timing   the {@code timing:} YAML flow map, passed through verbatim; null or blank: no
     *                 {@code timing:} key at all, so the daemon's own defaults (what we ship) are measured
     * @param classDataArchive whether each node keeps a class-data archive across its restarts, as the
     *                 shipped unit does; pointless for a lab that is started once and killed
     */
    public RaftvipImplementation(Path repoRoot, Path workDir, String vip, String timing, boolean classDataArchive) {
        this(repoRoot, workDir, vip, timing, classDataArchive, null);
    }

    /**
     * A raftvip setting under a profile name, for comparing timing profiles in one run: its key is
     * {@code raftvip[PROFILE]} and its files live in their own directory.
     *
     * @param profile the profile name, or null for plain {@code raftvip}
     */
    public RaftvipImplementation(Path repoRoot, Path workDir, String vip, String timing, boolean classDataArchive,
                                 String profile) {
        this.repoRoot = repoRoot;
        this.key = profile == null ? "raftvip" : "raftvip[" + profile + "]";
        this.workDir = workDir.resolve(profile == null ? "raftvip" : "raftvip-" + profile);
        this.vip = vip;
        this.timing = timing == null || timing.isBlank() ? null : timing;
        this.classDataArchive = classDataArchive;
    }

    /** @return why raftvip cannot run from {@code repoRoot}, or null when it can */
    public static String missingBuild(Path repoRoot) {
        // raftvipctl (the client module) tells when a node has joined: without it no run ever settles
        for (Path p : List.of(Path.of("bin/raftvip"), Path.of("bin/raftvipctl"),
                Path.of("server/target/raftvip-server.jar"), Path.of("client/target/raftvipctl.jar"))) {
            if (!Files.exists(repoRoot.resolve(p))) {
                return repoRoot.resolve(p) + " is missing (run mvn -B -q -DskipTests package at the repo root)";
            }
        }
        return null;
    }

    @Override
    public String key() {
        return key;
    }

    @Override
    public String description() {
        return timing == null ? "raftvip, timing: the daemon's defaults (no timing: key)" : "raftvip, timing " + timing;
    }

    @Override
    public void prepare(List<LabNode> nodes, HealthSection health) throws IOException {
        resetState();
        StringBuilder peers = new StringBuilder();
        for (LabNode n : nodes) {
            peers.append("  - { id: ").append(n.id()).append(", address: ").append(n.address()).append(":7420 }\n");
        }
        for (LabNode node : nodes) {
            Path dir = Files.createDirectories(workDir.resolve(node.id()));
            Files.writeString(workDir.resolve(node.id() + ".yaml"), """
                    cluster: bench
                    node: %s
                    peers:
                    %svips:
                      - { address: %s, interface: eth0 }
                    storage: %s
                    admin: { socket: %s }
                    metrics: { listen: '%s' }
                    """.formatted(node.id(), peers, vip, dir.resolve("storage"), socket(node), metrics(node))
                    + (timing == null ? "" : "timing: " + timing + "\n")
                    + (health == null ? "" : healthYaml(health, node)));
        }
    }

    /**
     * Every key written out, so the report's settings are the ones in force whatever the defaults;
     * {@code preempt: false} as keepalived's {@code nopreempt}: neither moves the VIP back.
     */
    static String healthYaml(HealthSection health, LabNode node) {
        HealthTiming t = health.timing();
        return """
                health:
                  interval: %s
                  timeout: %s
                  fall: %d
                  rise: %d
                  hold-down: %s
                  preempt: false
                  checks:
                    - { name: %s, kind: http, url: '%s' }
                """.formatted(HealthTiming.duration(t.intervalMs()), HealthTiming.duration(t.timeoutMs()), t.fall(),
                t.rise(), HealthTiming.duration(t.holdDownMs()), HealthSection.CHECK_NAME, health.url(node));
    }

    @Override
    public String metrics(LabNode node) {
        return node.address() + ":" + METRICS_PORT;
    }

    /** @return where the nodes' configurations, storage and logs live */
    public Path workDir() {
        return workDir;
    }

    private Path socket(LabNode node) {
        return workDir.resolve(node.id()).resolve("admin.sock");
    }

    @Override
    public void resetState() throws IOException {
        ScratchFiles.deleteDirectoriesNamed(workDir, "storage");
    }

    /** Deletes the nodes' class-data archives (~50 MB each); their logs stay for inspection. */
    public void discardClassDataArchives() throws IOException {
        ScratchFiles.deleteDirectoriesNamed(workDir, "cds");
    }

    @Override
    public DaemonProcess start(LabNode node) throws IOException {
        Path log = log(node);
        logStart.put(node.id(), Files.exists(log) ? Files.size(log) : 0L);
        // As the shipped unit does: a class-data archive per node, written when the node first stops
        // (in the graceful scenario or between cold starts) and kept across runs, like a node's
        // cache directory across restarts. Without it the launcher writes none.
        String archiveDir = classDataArchive ? workDir.resolve(node.id()).resolve("cds").toString() : "";
        return Launcher.launch(node, List.of("env", "RAFTVIP_CDS_DIR=" + archiveDir,
                repoRoot.resolve("bin/raftvip").toString(), "run", "--config",
                workDir.resolve(node.id() + ".yaml").toString()), log, List.of("java"));
    }

    private Path log(LabNode node) {
        return workDir.resolve(node.id()).resolve("raftvip.log");
    }

    /**
     * Agrees on the owner and has finished the failover rehearsal it runs a few seconds after it
     * settles: failovers are measured on daemons as they are after their first seconds, the way a
     * long-running service meets them. The cold-start scenarios measure those first seconds.
     */
    @Override
    public boolean ready(LabNode node, String ownerId) {
        return rehearsed(node) && ownerId.equals(owner(node));
    }

    /** @return whether the latest run on {@code node} logged the end of its failover rehearsal */
    private boolean rehearsed(LabNode node) {
        try {
            final byte[] log = Files.readAllBytes(log(node));
            final int from = (int) Math.min(log.length, logStart.getOrDefault(node.id(), 0L));
            return new String(log, from, log.length - from, StandardCharsets.UTF_8).contains(REHEARSAL_OVER);
        } catch (IOException e) {
            return false;
        }
    }

    /** @return the owner as {@code raftvipctl owner} on {@code node} reports it, or null */
    public String owner(LabNode node) {
        try {
            Process p = new ProcessBuilder(repoRoot.resolve("bin/raftvipctl").toString(),
                    "--endpoint", "unix://" + socket(node), "owner").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return null;
            }
            return p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** @return the admin socket endpoint of {@code node}, for the demo's status display */
    public String endpoint(LabNode node) {
        return "unix://" + socket(node);
    }

    /** @return the repository root this implementation runs from */
    public Path repoRoot() {
        return repoRoot;
    }
}
