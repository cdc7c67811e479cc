package io.raftvip.bench.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Idle footprint of a daemon from /proc: resident memory ({@code VmRSS}) and CPU time
 * ({@code utime + stime}) summed over its daemon processes (the JVM, not its bash launcher;
 * keepalived's parent and VRRP child).
 */
public final class FootprintSampler {

    private final long clockTicksPerSecond;

    /** @param clockTicksPerSecond {@code getconf CLK_TCK}, the unit of /proc/PID/stat times */
    public FootprintSampler(long clockTicksPerSecond) {
        this.clockTicksPerSecond = clockTicksPerSecond;
    }

    /** @return summed VmRSS of the processes, in KiB */
    public long rssKib(List<ProcessHandle> processes) {
        long total = 0;
        for (ProcessHandle h : processes) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(h.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        total += Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
            } catch (IOException e) {
                // the process exited between listing and reading: it no longer uses memory
            }
        }
        return total;
    }

    /** @return summed user+system CPU time of the processes, in seconds */
    public double cpuSeconds(List<ProcessHandle> processes) {
        long ticks = 0;
        for (ProcessHandle h : processes) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(h.pid()), "stat"));
                // the command name in parentheses may contain spaces: count fields after the last ')'
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException e) {
                // exited: contributes nothing further
            }
        }
        return (double) ticks / clockTicksPerSecond;
    }

    /**
     * One daemon's idle footprint.
     *
     * @param node       node id
     * @param rssMib     resident memory at the end of the window, MiB
     * @param cpuPercent CPU use over the window, percent of one core
     */
    public record Footprint(String node, double rssMib, double cpuPercent) {
    }
}
