package io.raftvip.dist;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * A tarball of the layout before {@code lib/classpath} existed, built from this build's jars:
 * the launchers of that time ({@code src/test/old-layout/bin}, which load {@code lib/*}) and a
 * {@code lib/} in which raftvip's own jars carry an older version ({@value #OLD_VERSION}, in
 * file name and manifest) and one dependency an older file name, as a previous release has them.
 * Unpacked under the new tarball, those older jars stay next to the new ones.
 */
final class OldLayoutArchive {

  static final String OLD_VERSION = "0.0.9";
  /** The dependency that changed its version between the two releases, by file name prefix. */
  static final String UPGRADED_DEPENDENCY = "guava-";
  static final String OLD_DEPENDENCY_JAR = "guava-32.1.3-jre.jar";

  private OldLayoutArchive() {
  }

  /**
   * @param lib this build's lib/ (its jars are the old release's, renamed as described)
   * @param work a scratch directory
   * @return the archive, {@code raftvip-0.0.9.tar.gz} with the top directory {@code raftvip-0.0.9/}
   */
  static Path build(Path lib, Path work) throws IOException {
    final Path root = work.resolve("raftvip-" + OLD_VERSION);
    final Path oldLib = Files.createDirectories(root.resolve("lib"));
    final Path bin = Files.createDirectories(root.resolve("bin"));
    for (String launcher : List.of("raftvip", "raftvipctl")) {
      Files.copy(Path.of("src/test/old-layout/bin", launcher), bin.resolve(launcher));
      bin.resolve(launcher).toFile().setExecutable(true, false);
    }
    try (Stream<Path> jars = Files.list(lib)) {
      for (Path jar : jars.filter(j -> j.getFileName().toString().endsWith(".jar")).toList()) {
        final String name = jar.getFileName().toString();
        if (name.startsWith("raftvip-")) {
          final String artifact = name.substring(0, name.indexOf('-', "raftvip-".length()));
          reversion(jar, oldLib.resolve(artifact + "-" + OLD_VERSION + ".jar"));
        } else if (name.startsWith(UPGRADED_DEPENDENCY)) {
          Files.copy(jar, oldLib.resolve(OLD_DEPENDENCY_JAR), StandardCopyOption.COPY_ATTRIBUTES);
        } else {
          Files.copy(jar, oldLib.resolve(name), StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    final Path archive = work.resolve("raftvip-" + OLD_VERSION + ".tar.gz");
    Sh.run(Duration.ofMinutes(1), "tar", "-czf", archive.toString(), "-C", work.toString(), root.getFileName().toString())
        .check();
    return archive;
  }

  /** Copies {@code jar} with Implementation-Version {@value #OLD_VERSION} in its manifest. */
  private static void reversion(Path jar, Path to) throws IOException {
    try (JarFile in = new JarFile(jar.toFile())) {
      final Manifest manifest = new Manifest(in.getManifest());
      manifest.getMainAttributes().put(Attributes.Name.IMPLEMENTATION_VERSION, OLD_VERSION);
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(to), manifest)) {
        for (JarEntry e : in.stream().toList()) {
          if (e.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME)) {
            continue;
          }
          out.putNextEntry(new JarEntry(e.getName()));
          try (InputStream data = in.getInputStream(e)) {
            data.transferTo(out);
          }
          out.closeEntry();
        }
      }
    }
  }
}
