package io.raftvip.bench.steady;

import java.io.IOException;
import java.nio.file.Path;
import io.raftvip.bench.fault.Load;
import io.raftvip.bench.fault.LoadStats;
import io.raftvip.bench.lab.LabException;

/**
 * Starts the load the scenarios share: {@code 2 x cores} CPU hogs and the fsync writer in the
 * directory that holds raftvip's storage.
 */
final class LoadFactory {

    private final int cpuHogs;
    private final Path storageDir;

    /**
     * @param cores      the host's cores
     * @param storageDir directory on the filesystem of raftvip's Raft storage
     */
    LoadFactory(int cores, Path storageDir) {
        this.cpuHogs = 2 * cores;
        this.storageDir = storageDir;
    }

    Load start(long plannedSeconds) throws IOException {
        return Load.start(cpuHogs, storageDir, plannedSeconds);
    }

    /** A window whose load stopped early measured less than it claims: fail it rather than report it. */
    static void requireRealLoad(LoadStats stats, String impl) {
        if (!stats.hogsRanThroughout()) {
            throw new LabException(impl + ": stress-ng ended before the load window did (see stress-ng.log in "
                    + "the run's scratch directory)");
        }
        if (stats.writerFailure() != null) {
            throw new LabException(impl + ": the fsync writer failed: " + stats.writerFailure());
        }
    }
}
