package io.raftvip.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Shell scripts for exec checks, and a look at whether a process is gone. */
final class Scripts {

  private Scripts() {}

  /** Writes an executable {@code /bin/sh} script named {@code name} into {@code dir}. */
  static Path write(Path dir, String name, String body) throws IOException {
    Path script = dir.resolve(name);
    Files.writeString(script, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
    return script;
  }

  /**
   * @return whether process {@code pid} has ended: no longer in /proc, or a zombie waiting for a
   *     parent (here possibly a PID 1 that does not reap) to collect it
   */
  static boolean gone(long pid) {
    Path stat = Path.of("/proc", Long.toString(pid), "stat");
    try {
      String text = Files.readString(stat);
      return text.substring(text.lastIndexOf(')') + 2).startsWith("Z");
    } catch (IOException e) {
      return true;
    }
  }
}
