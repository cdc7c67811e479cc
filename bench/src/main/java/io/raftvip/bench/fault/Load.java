package io.raftvip.bench.fault;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A busy host: CPU hogs (two per core, as a control-plane node running its workloads) plus a
 * writer that fsyncs continuously on the filesystem that holds raftvip's Raft storage (an SD card
 * or a small VM's disk shared with everything else). Stopped on close and, should the bench be
 * interrupted, by a shutdown hook; the scratch file is deleted either way.
 */
public final class Load implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Load.class);
    /** Written between fsyncs: a Raft log append is of this order, not a streaming write. */
    static final int BLOCK_BYTES = 64 * 1024;
    static final long FILE_BYTES = 64L << 20;
    private static final long HOG_MARGIN_SECONDS = 120;

    private final CpuHogs hogs;
    private final FsyncWriter writer;
    private final String filesystem;
    private final long startNanos = System.nanoTime();
    private final Thread hook;
    private LoadStats stats;

    private Load(CpuHogs hogs, FsyncWriter writer, String filesystem) {
        this.hogs = hogs;
        this.writer = writer;
        this.filesystem = filesystem;
        this.hook = new Thread(this::stopQuietly, "load-teardown");
    }

    /**
     * Starts the load.
     *
     * @param cpuHogs        stress-ng CPU workers
     * @param storageDir     a directory on the filesystem of raftvip's storage: the scratch file goes there
     * @param plannedSeconds how long the load is meant to run; the hogs end by themselves a while after
     */
    public static Load start(int cpuHogs, Path storageDir, long plannedSeconds) throws IOException {
        Files.createDirectories(storageDir);
        FileStore store = Files.getFileStore(storageDir);
        String fs = store.type() + " " + store.name();
        CpuHogs hogs = CpuHogs.start(cpuHogs, plannedSeconds + HOG_MARGIN_SECONDS, storageDir.resolve("stress-ng.log"));
        FsyncWriter writer = new FsyncWriter(storageDir.resolve("load-fsync.scratch"), BLOCK_BYTES, FILE_BYTES);
        Load load = new Load(hogs, writer, fs);
        Runtime.getRuntime().addShutdownHook(load.hook);
        writer.start();
        LOG.info("load: {} CPU hogs and an fsync writer on {} ({})", cpuHogs, storageDir, fs);
        return load;
    }

    /** Stops the hogs and the writer and deletes the scratch file; idempotent. @return what the load was */
    public synchronized LoadStats stop() {
        if (stats == null) {
            boolean throughout = hogs.running();
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            hogs.close();
            writer.close();
            stats = LoadStats.of(hogs.workers(), throughout, filesystem, seconds, writer.latenciesNanos(),
                    writer.blockBytes(), writer.failure());
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: this is the hook running
            }
            LOG.info("load: stopped after {} s; {} fsyncs, p50 {} ms, max {} ms", Math.round(seconds), stats.fsyncs(),
                    String.format("%.1f", stats.fsyncP50Ms()), String.format("%.1f", stats.fsyncMaxMs()));
        }
        return stats;
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            LOG.warn("load: stopping at shutdown: {}", e.toString());
        }
    }

    @Override
    public void close() {
        stop();
    }
}
