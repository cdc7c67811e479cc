package io.raftvip.bench.fault;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class FsyncWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesAndFsyncs_wrapsAtTheFileSize_andDeletesTheFileOnClose() throws Exception {
        Path file = dir.resolve("scratch");
        FsyncWriter writer = new FsyncWriter(file, 4096, 16 * 4096);
        writer.start();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (writer.latenciesNanos().length < 40 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        long size = Files.size(file);

        writer.close();

        assertTrue(writer.latenciesNanos().length >= 40, "only " + writer.latenciesNanos().length + " fsyncs");
        assertTrue(size <= 16 * 4096, "file grew to " + size);
        assertFalse(Files.exists(file));
        assertNull(writer.failure());
    }
}
