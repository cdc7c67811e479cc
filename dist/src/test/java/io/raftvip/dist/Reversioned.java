package io.raftvip.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The same package with a higher version, for the upgrade test: the jdeb-built payload and
 * maintainer scripts, unpacked by dpkg-deb, {@code Version: V+itupgrade}, packed again
 * (uncompressed: quick, and the test does not care). {@code V+itupgrade} sorts above {@code V}.
 */
final class Reversioned {

  private static final Duration T = Duration.ofMinutes(2);

  private Reversioned() {
  }

  static String version(Path deb) {
    return Sh.run(T, "dpkg-deb", "-f", deb.toString(), "Version").check().out().strip();
  }

  static Path higherVersionOf(Path deb, Path dir) throws IOException {
    final String higher = version(deb) + "+itupgrade";
    final Path tree = dir.resolve("tree");
    Sh.run(T, "rm", "-rf", dir.toString()).check();
    Files.createDirectories(dir);
    Sh.run(T, "dpkg-deb", "-R", deb.toString(), tree.toString()).check();
    final Path control = tree.resolve("DEBIAN/control");
    Files.writeString(control, Files.readString(control).replaceFirst("(?m)^Version: .*$", "Version: " + higher));
    final Path out = dir.resolve("raftvip_" + higher + "_all.deb");
    Sh.run(T, "dpkg-deb", "-Znone", "-b", tree.toString(), out.toString()).check();
    Sh.run(T, "rm", "-rf", tree.toString()).check();
    Sh.run(T, "dpkg", "--compare-versions", higher, "gt", version(deb)).check();
    return out;
  }
}
