package io.raftvip.bench.lab;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScratchFilesTest {

    @TempDir
    Path work;

    @Test
    void namedDirectoriesGo_logsBesideThemStay() throws Exception {
        for (String node : new String[] {"n1", "n2"}) {
            Files.createDirectories(work.resolve("raftvip").resolve(node).resolve("cds"));
            Files.writeString(work.resolve("raftvip").resolve(node).resolve("cds").resolve("raftvip-1.jsa"), "x");
            Files.writeString(work.resolve("raftvip").resolve(node).resolve("raftvip.log"), "log");
        }

        ScratchFiles.deleteDirectoriesNamed(work, "cds");

        assertFalse(Files.exists(work.resolve("raftvip/n1/cds")));
        assertFalse(Files.exists(work.resolve("raftvip/n2/cds")));
        assertTrue(Files.exists(work.resolve("raftvip/n1/raftvip.log")));
        assertTrue(Files.exists(work.resolve("raftvip/n2/raftvip.log")));
    }

    @Test
    void deleteTree_removesEverything_andAcceptsAMissingRoot() throws Exception {
        Files.createDirectories(work.resolve("a/b"));
        Files.writeString(work.resolve("a/b/c.txt"), "c");

        ScratchFiles.deleteTree(work.resolve("a"));
        ScratchFiles.deleteTree(work.resolve("a"));

        assertFalse(Files.exists(work.resolve("a")));
    }
}
