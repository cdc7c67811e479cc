package io.raftvip.bench.fault;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.raftvip.bench.lab.LabException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code stress-ng --cpu N} in the host namespace: N busy workers at normal priority, competing
 * with the daemons (and with the bench's own prober) for the cores.
 *
 * <p>Two guards keep it from outliving the bench: {@code --timeout} caps it at the planned time
 * plus a margin, and {@code setpriv --pdeathsig KILL} (when present) kills it should the bench
 * JVM itself be killed; the kernel sends that signal when the <em>thread</em> that started it
 * ends, so it is started from the long-lived thread that runs the scenarios.
 */
public final class CpuHogs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CpuHogs.class);

    private final int workers;
    private final Process process;

    private CpuHogs(int workers, Process process) {
        this.workers = workers;
        this.process = process;
    }

    /**
     * Starts {@code workers} CPU hogs.
     *
     * @param maxSeconds stress-ng stops by itself after this long
     * @param log        where its output goes
     * @throws LabException when stress-ng is not installed or does not start
     */
    public static CpuHogs start(int workers, long maxSeconds, Path log) {
        List<String> command = new ArrayList<>();
        if (onPath("setpriv")) {
            command.addAll(List.of("setpriv", "--pdeathsig", "KILL"));
        }
        command.addAll(List.of("stress-ng", "--cpu", Integer.toString(workers), "--timeout", maxSeconds + "s",
                "--quiet"));
        if (!onPath("stress-ng")) {
            throw new LabException("stress-ng is not installed (bench/run installs it; or apt-get install stress-ng)");
        }
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            p.getOutputStream().close();
            LOG.info("load: {} CPU hogs (pid {}): {}", workers, p.pid(), String.join(" ", command));
            return new CpuHogs(workers, p);
        } catch (IOException e) {
            throw new LabException(String.join(" ", command) + ": cannot start: " + e.getMessage(), e);
        }
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin").split(":")) {
            if (Path.of(dir, program).toFile().canExecute()) {
                return true;
            }
        }
        return false;
    }

    /** @return how many hogs were asked for */
    public int workers() {
        return workers;
    }

    /** @return whether stress-ng is still running (it ends early only if it failed or was killed) */
    public boolean running() {
        return process.isAlive();
    }

    /** Stops stress-ng (SIGTERM lets it reap its workers), then kills whatever is left; idempotent. */
    @Override
    public void close() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
    }
}
