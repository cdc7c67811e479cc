package io.raftvip.dist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A {@code JAVA_HOME} whose {@code bin/java} writes its arguments to a file, one a line, and then
 * runs the real Java with them: how a test sees the exact class path a launcher gave the JVM.
 */
final class RecordingJava {

  private final Path home;
  private final Path record;

  RecordingJava(Path dir) throws IOException {
    this.home = Files.createDirectories(dir.resolve("jdk"));
    this.record = dir.resolve("java-args");
    final Path java = Files.createDirectories(home.resolve("bin")).resolve("java");
    final String real = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(java, "#!/bin/sh\nprintf '%s\\n' \"$@\" > '" + record + "'\nexec '" + real + "' \"$@\"\n");
    java.toFile().setExecutable(true, false);
  }

  /** @return the environment that makes a launcher use this Java */
  Map<String, String> env() {
    return Map.of("JAVA_HOME", home.toString());
  }

  /** @return the entries of the {@code -cp} the last run was given */
  List<String> lastClassPath() throws IOException {
    final List<String> args = Files.readAllLines(record);
    final int cp = Math.max(args.indexOf("-cp"), args.indexOf("-classpath"));
    if (cp < 0 || cp + 1 >= args.size()) {
      throw new AssertionError("the launcher gave java no class path: " + args);
    }
    return Arrays.asList(args.get(cp + 1).split(":"));
  }
}
