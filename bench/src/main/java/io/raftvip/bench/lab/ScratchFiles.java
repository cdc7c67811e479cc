package io.raftvip.bench.lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Removes what a run wrote to its scratch directory. */
public final class ScratchFiles {

    private ScratchFiles() {
    }

    /** Deletes {@code root} and everything below it; a missing root is fine. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Deletes every directory named {@code name} below {@code root}, with its contents. */
    public static void deleteDirectoriesNamed(Path root, String name) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.filter(Files::isDirectory)
                    .filter(p -> p.getFileName().toString().equals(name)).toList()) {
                deleteTree(p);
            }
        }
    }
}
