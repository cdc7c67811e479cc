package io.raftvip.it;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the ITs find the launcher and put what they keep: the source tree whose {@code server}
 * module Failsafe runs them in. Failsafe sets {@code basedir} to the server module (and runs with
 * it as working directory), and runs after {@code package} has built
 * {@code server/target/raftvip-server.jar} and {@code server/target/lib/}.
 */
final class SourceTree {

  private SourceTree() {
  }

  /** @return the server module's directory */
  static Path serverModule() {
    return Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath().normalize();
  }

  /** @return the repository root, the server module's parent */
  static Path root() {
    return serverModule().getParent();
  }

  /**
   * @return {@code bin/raftvip}, the launcher users run
   * @throws IllegalStateException when the jars it needs are missing (not packaged yet)
   */
  static Path launcher() {
    final Path jar = serverModule().resolve("target/raftvip-server.jar");
    if (!Files.isRegularFile(jar) || !Files.isDirectory(serverModule().resolve("target/lib"))) {
      throw new IllegalStateException("bin/raftvip needs " + jar + " and target/lib/, which `package` builds;"
          + " run the ITs with `mvn verify` (or `mvn -B -DskipTests package -pl server -am` first)");
    }
    return root().resolve("bin/raftvip");
  }

  /** @return where failed labs' logs are copied, so that CI keeps them as artifacts */
  static Path itLogs() {
    return serverModule().resolve("target/it-logs");
  }
}
