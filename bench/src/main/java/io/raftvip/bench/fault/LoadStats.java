package io.raftvip.bench.fault;

import java.util.Arrays;

/**
 * What the load actually was: the CPU hogs and whether they ran the whole time, and the fsync
 * writer's work (so a reader can see the filesystem really was busy).
 *
 * @param cpuHogs         stress-ng CPU workers
 * @param hogsRanThroughout stress-ng was still running when the load was stopped
 * @param filesystem      filesystem of the scratch file (and of raftvip's storage), e.g. {@code ext4 /dev/vda}
 * @param seconds         how long the load ran
 * @param fsyncs          fsyncs done
 * @param mibWritten      MiB written
 * @param fsyncP50Ms      median fsync time
 * @param fsyncP99Ms      99th percentile
 * @param fsyncMaxMs      longest fsync
 * @param writerFailure   why the writer stopped early, or null
 */
public record LoadStats(int cpuHogs, boolean hogsRanThroughout, String filesystem, double seconds, long fsyncs,
                        double mibWritten, double fsyncP50Ms, double fsyncP99Ms, double fsyncMaxMs,
                        String writerFailure) {

    /** Summarises the writer's fsync times ({@code latenciesNanos}, any order) and the rest. */
    public static LoadStats of(int cpuHogs, boolean hogsRanThroughout, String filesystem, double seconds,
                               long[] latenciesNanos, int blockBytes, String writerFailure) {
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        return new LoadStats(cpuHogs, hogsRanThroughout, filesystem, seconds, sorted.length,
                sorted.length * (double) blockBytes / (1 << 20), rankMs(sorted, 50), rankMs(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, writerFailure);
    }

    /** Nearest rank, as the failover table's percentiles. */
    private static double rankMs(long[] sorted, int percentile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** @return whether fsync was a no-op here (tmpfs, ramfs): then the disk part of the load was not real */
    public boolean memoryBacked() {
        return filesystem.startsWith("tmpfs") || filesystem.startsWith("ramfs");
    }
}
