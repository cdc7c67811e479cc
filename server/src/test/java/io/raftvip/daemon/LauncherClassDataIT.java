package io.raftvip.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/raftvip's class-data archive (RAFTVIP_CDS_DIR): written on the first exit, promoted only
 * once a throwaway JVM mapped it, and a torn one discarded instead of crashing the start (Java 17
 * dies with SIGBUS on a truncated archive). Runs {@code raftvip run} on a missing config, which
 * exits at once, so no root or network is needed; it needs the packaged jars, hence an IT.
 */
@Tag("packaged")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class LauncherClassDataIT {

  private static final Path REPO =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..").normalize();

  @TempDir
  Path cds;

  private record Run(int exit, String stderr) { }

  private Run launch(String command, boolean withCds) throws Exception {
    final ProcessBuilder pb = new ProcessBuilder(REPO.resolve("bin/raftvip").toString(),
        command, "--config", cds.resolve("missing.yaml").toString());
    pb.environment().remove("RAFTVIP_CDS_DIR");
    if (withCds) {
      pb.environment().put("RAFTVIP_CDS_DIR", cds.toString());
    }
    pb.directory(cds.toFile());
    pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
    final Process p = pb.start();
    final String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "launcher did not finish");
    return new Run(p.exitValue(), stderr);
  }

  private List<String> archives() throws IOException {
    try (Stream<Path> files = Files.list(cds)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("raftvip-"))
          .sorted().collect(Collectors.toList());
    }
  }

  private Path only(String suffix) throws IOException {
    final List<String> names = archives();
    assertEquals(1, names.size(), "one archive expected, found " + names);
    assertTrue(names.get(0).endsWith(suffix), names.get(0) + " should end with " + suffix);
    return cds.resolve(names.get(0));
  }

  @Test
  void firstRunDumps_secondPromotes_tornArchiveIsDiscardedNotFatal() throws Exception {
    final Run first = launch("run", true);
    assertEquals(ExitStatus.INVALID.code(), first.exit(), first.stderr());
    final Path dumped = only(".jsa.new");
    final long size = Files.size(dumped);
    assertTrue(size > 1_000_000, "a dump of the loaded classes, not " + size + " bytes");

    final Run second = launch("run", true);
    assertEquals(ExitStatus.INVALID.code(), second.exit(), second.stderr());
    assertFalse(second.stderr().contains("discarding"), second.stderr());
    final Path promoted = only(".jsa");
    assertEquals(size, Files.size(promoted));

    // A dump cut short (power loss, stop timeout): same name as an unverified .new, half its size.
    final Path torn = cds.resolve(promoted.getFileName() + ".new");
    Files.move(promoted, torn);
    try (RandomAccessFile f = new RandomAccessFile(torn.toFile(), "rw")) {
      f.setLength(size / 2);
    }
    final Run third = launch("run", true);
    assertEquals(ExitStatus.INVALID.code(), third.exit(),
        "the daemon still ran (its own exit code), not a JVM crash: " + third.stderr());
    assertTrue(third.stderr().contains("discarding class-data archive"), third.stderr());
    assertTrue(third.stderr().contains("missing.yaml"), "the daemon's own error: " + third.stderr());
    assertTrue(Files.size(only(".jsa.new")) > size / 2, "a complete new dump replaced the torn one");
    try (Stream<Path> files = Files.list(cds)) {
      assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith("hs_err")),
          "the crashed check leaves no hs_err file in its working directory");
    }
  }

  @Test
  void withoutTheVariable_orForOtherCommands_noArchiveIsWritten() throws Exception {
    assertEquals(ExitStatus.INVALID.code(), launch("run", false).exit());
    assertEquals(ExitStatus.INVALID.code(), launch("check", true).exit());
    assertEquals(List.of(), archives());
  }
}
