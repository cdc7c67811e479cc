package io.raftvip.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Upgrading a tarball install by unpacking the new archive over the old one (docs/install.md,
 * "Upgrade and removal (tarball)"), from the layout before {@code lib/classpath}: the old
 * version's jars stay in {@code lib/}, and the launchers must load exactly the new version's.
 * A recording {@code java} shows the class path each launcher really passes.
 */
@Tag("packaged")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class TarballUpgradeIT {

  private static final Path TARBALL = Path.of(System.getProperty("raftvip.tarball", "target/raftvip.tar.gz"));
  private static final Path LIB = Path.of(System.getProperty("raftvip.deb.lib", "target/lib"));
  private static final String VERSION = System.getProperty("raftvip.version", "0.1.0-SNAPSHOT");
  private static final Duration RUN = Duration.ofMinutes(1);

  private static Path work;
  private static Path install;
  private static RecordingJava recorder;

  @BeforeAll
  static void upgradeOldInstall() throws IOException {
    work = Files.createTempDirectory("rv6-upgrade-");
    install = Files.createDirectories(work.resolve("usr-lib-raftvip"));
    recorder = new RecordingJava(work);
    final Path old = OldLayoutArchive.build(LIB, Files.createDirectories(work.resolve("old")));
    unpack(old);
    // The old install as it ran: its launcher loads lib/*, here its own version only.
    assertEquals("raftvip " + OldLayoutArchive.OLD_VERSION,
        Sh.run(RUN, recorder.env(), install.resolve("bin/raftvip").toString(), "--version").check().out().trim());
    unpack(TARBALL);
  }

  @AfterAll
  static void deleteWork() throws IOException {
    if (work != null) {
      try (Stream<Path> paths = Files.walk(work)) {
        for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  /** As docs/install.md says: {@code tar -xzf ARCHIVE -C /usr/lib/raftvip --strip-components=1}. */
  private static void unpack(Path archive) {
    Sh.run(RUN, "tar", "-xzf", archive.toString(), "-C", install.toString(), "--strip-components=1").check();
  }

  @Test
  void upgradeLeavesTheOldJars_asAnUnpackDoes() throws IOException {
    final List<String> jars = jarNames();
    assertTrue(jars.contains("raftvip-server-" + OldLayoutArchive.OLD_VERSION + ".jar"), jars::toString);
    assertTrue(jars.contains("raftvip-server-" + VERSION + ".jar"), jars::toString);
    assertTrue(jars.contains(OldLayoutArchive.OLD_DEPENDENCY_JAR), jars::toString);
  }

  @Test
  void raftvip_loadsExactlyTheNewVersionsJars() throws IOException {
    final Sh.Result r = Sh.run(RUN, recorder.env(), install.resolve("bin/raftvip").toString(), "--version").check();
    assertEquals("raftvip " + VERSION, r.out().trim());
    assertOnlyListedJars(recorder.lastClassPath());
  }

  @Test
  void raftvipctl_loadsExactlyTheNewVersionsJars() throws IOException {
    final Sh.Result r = Sh.run(RUN, recorder.env(), install.resolve("bin/raftvipctl").toString(), "--version").check();
    assertEquals("raftvipctl " + VERSION, r.out().trim());
    assertOnlyListedJars(recorder.lastClassPath());
  }

  @Test
  void aListedJarMissing_isAnErrorNamingIt_notAMixOfVersions() throws IOException {
    final Path copy = Files.createDirectories(work.resolve("half-unpacked"));
    Sh.run(RUN, "cp", "-a", install.resolve("bin").toString(), install.resolve("lib").toString(), copy.toString())
        .check();
    final String missing = "raftvip-server-" + VERSION + ".jar";
    Files.delete(copy.resolve("lib").resolve(missing));
    for (String launcher : List.of("raftvip", "raftvipctl")) {
      final Sh.Result r = Sh.run(RUN, recorder.env(), copy.resolve("bin").resolve(launcher).toString(), "--version");
      assertEquals(launcher.equals("raftvip") ? 127 : 2, r.exit(), launcher + ": " + r.err());
      assertTrue(r.err().contains(missing) && r.err().contains("lib/classpath"), launcher + ": " + r.err());
    }
  }

  /**
   * The class path is exactly lib/classpath's jars, in lib/, with one raftvip-server and one
   * raftvip-client jar, both of the new version, and no jar of the old release.
   */
  private static void assertOnlyListedJars(List<String> classPath) throws IOException {
    final Path lib = install.resolve("lib").toRealPath();
    final List<String> names = new ArrayList<>();
    for (String entry : classPath) {
      final Path p = Path.of(entry);
      assertEquals(lib, p.getParent(), "every class path entry is a jar in lib/: " + entry);
      names.add(p.getFileName().toString());
    }
    final List<String> listed = Files.readAllLines(lib.resolve("classpath")).stream().filter(l -> !l.isBlank()).toList();
    assertEquals(listed, names, "the class path is lib/classpath, in its order");
    assertEquals(List.of("raftvip-server-" + VERSION + ".jar"),
        names.stream().filter(n -> n.startsWith("raftvip-server-")).toList());
    assertEquals(List.of("raftvip-client-" + VERSION + ".jar"),
        names.stream().filter(n -> n.startsWith("raftvip-client-")).toList());
    assertEquals(1, names.stream().filter(n -> n.startsWith(OldLayoutArchive.UPGRADED_DEPENDENCY)).count(), names::toString);
    assertTrue(names.stream().noneMatch(n -> n.contains(OldLayoutArchive.OLD_VERSION) || n.equals(OldLayoutArchive.OLD_DEPENDENCY_JAR)),
        names::toString);
  }

  private static List<String> jarNames() throws IOException {
    try (Stream<Path> files = Files.list(install.resolve("lib"))) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
    }
  }
}
