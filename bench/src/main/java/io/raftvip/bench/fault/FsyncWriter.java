package io.raftvip.bench.fault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a block and fsyncs it, over and over, into one scratch file that wraps around at a fixed
 * size (so the disk never fills), and times every fsync. A loop of our own rather than
 * {@code stress-ng --hdd}: it is exactly "write, then fsync" with nothing else mixed in, and it
 * reports how many fsyncs really happened and how long each blocked, which is the evidence that
 * the filesystem was under pressure (stress-ng counts "bogo ops", not fsyncs). It blocks in the
 * kernel, not on a CPU. The file is deleted on close.
 */
public final class FsyncWriter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FsyncWriter.class);

    private final Path file;
    private final int blockBytes;
    private final long fileBytes;
    private final Thread thread;
    private volatile boolean running = true;
    private long[] latenciesNanos = new long[1 << 14];
    private int count;
    private volatile String failure;

    /**
     * @param file       the scratch file (created; deleted on close)
     * @param blockBytes bytes written before each fsync
     * @param fileBytes  size at which writing wraps to the start of the file
     */
    public FsyncWriter(Path file, int blockBytes, long fileBytes) {
        this.file = file;
        this.blockBytes = blockBytes;
        this.fileBytes = fileBytes;
        this.thread = new Thread(this::loop, "load-fsync");
        this.thread.setDaemon(true);
    }

    /** Starts writing. */
    public void start() {
        thread.start();
    }

    private void loop() {
        byte[] data = new byte[blockBytes];
        // not zeros: a compressing filesystem would write next to nothing
        ThreadLocalRandom.current().nextBytes(data);
        ByteBuffer buf = ByteBuffer.allocateDirect(blockBytes);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            long position = 0;
            while (running) {
                buf.clear().put(data).flip();
                while (buf.hasRemaining()) {
                    position += ch.write(buf, position);
                }
                long start = System.nanoTime();
                ch.force(true);
                record(System.nanoTime() - start);
                if (position >= fileBytes) {
                    position = 0;
                }
            }
        } catch (IOException e) {
            failure = file + ": " + e;
            LOG.warn("load: fsync writer stopped: {}", failure);
        }
    }

    private synchronized void record(long nanos) {
        if (count == latenciesNanos.length) {
            latenciesNanos = Arrays.copyOf(latenciesNanos, count * 2);
        }
        latenciesNanos[count++] = nanos;
    }

    /** @return every fsync's duration so far, in ns, in order */
    public synchronized long[] latenciesNanos() {
        return Arrays.copyOf(latenciesNanos, count);
    }

    /** @return why the writer stopped early, or null */
    public String failure() {
        return failure;
    }

    /** @return bytes written before each fsync */
    public int blockBytes() {
        return blockBytes;
    }

    /** Stops writing, waits for the last fsync and deletes the file; idempotent. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(30_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("load: deleting {}: {}", file, e.toString());
        }
    }
}
