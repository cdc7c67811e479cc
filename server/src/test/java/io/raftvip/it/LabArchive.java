package io.raftvip.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;

/**
 * Copies what explains a failed lab — each node's daemon log, config and any JVM crash file, plus
 * the lab's final state — to {@code server/target/it-logs/<class>-<time>-<lab>/}, where CI
 * collects artifacts. The lab directory itself (with the Raft storage) stays where it is.
 */
final class LabArchive {

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private LabArchive() {
  }

  /**
   * @param summary the failures and the cluster's state at teardown, written as {@code lab-state.txt}
   * @return the directory the copies went to
   */
  static Path save(Path labDir, List<String> ids, String testClass, String summary) throws IOException {
    final Path to = Files.createDirectories(SourceTree.itLogs()
        .resolve(testClass + "-" + LocalDateTime.now().format(STAMP) + "-" + labDir.getFileName()));
    Files.writeString(to.resolve("lab-state.txt"), summary);
    for (String id : ids) {
      final Path node = labDir.resolve(id);
      final Path dest = Files.createDirectories(to.resolve(id));
      for (String name : List.of("daemon.log", "raftvip.yaml")) {
        if (Files.exists(node.resolve(name))) {
          Files.copy(node.resolve(name), dest.resolve(name));
        }
      }
      try (Stream<Path> crashes = Files.list(node)) {
        for (Path f : crashes.filter(f -> f.getFileName().toString().startsWith("hs_err")).toList()) {
          Files.copy(f, dest.resolve(f.getFileName()));
        }
      }
    }
    return to;
  }
}
