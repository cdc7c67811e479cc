package io.raftvip.systemd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks the shipped systemd files with systemd's own tools: {@code systemd-analyze verify} on
 * the unit (its Exec paths pointed at this tree's {@code bin/raftvip}), and sysusers + tmpfiles
 * applied to a scratch root. Skips loudly when a tool is missing.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SystemdUnitTest {

  private static final Path REPO =
      Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("..").normalize();
  private static final String INSTALLED_LAUNCHER = "/usr/lib/raftvip/bin/raftvip";

  @TempDir
  Path tmp;

  @Test
  void unit_passesSystemdAnalyzeVerify_withoutAnyWarning() throws Exception {
    requireTool("systemd-analyze");
    Path launcher = REPO.resolve("bin/raftvip");
    assertTrue(Files.isExecutable(launcher), launcher + " must exist and be executable");
    String unit = Files.readString(REPO.resolve("systemd/raftvip.service"));
    assertEquals(3, count(unit, INSTALLED_LAUNCHER), "ExecStartPre, ExecStart, ExecStopPost");
    Path copy = tmp.resolve("raftvip.service");
    Files.writeString(copy, unit.replace(INSTALLED_LAUNCHER, launcher.toString()));

    Result verify = run("systemd-analyze", "verify", copy.toString());

    // verify exits 0 on unknown keys and bad values (it only warns), so any line about our unit
    // is a failure too.
    assertEquals(0, verify.exitCode, verify.output);
    assertTrue(verify.output.lines().noneMatch(l -> l.contains("raftvip")), verify.output);
  }

  @Test
  void unit_keepsTheSettingsTheDaemonReliesOn() throws IOException {
    List<String> lines = Files.readAllLines(REPO.resolve("systemd/raftvip.service"));

    for (String expected : List.of("Type=notify", "NotifyAccess=main", "WatchdogSec=10s",
        "ExecReload=/bin/kill -HUP $MAINPID",
        "Restart=on-failure", "User=raftvip", "AmbientCapabilities=CAP_NET_ADMIN CAP_NET_RAW",
        "RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK AF_PACKET",
        "WantedBy=multi-user.target")) {
      assertTrue(lines.contains(expected), "missing " + expected);
    }
    assertTrue(lines.stream().noneMatch(l -> l.startsWith("MemoryDenyWriteExecute")),
        "the JIT needs W+X memory");
  }

  @Test
  void sysusersAndTmpfiles_createUserAndDirectoriesInScratchRoot() throws Exception {
    requireTool("systemd-sysusers");
    requireTool("systemd-tmpfiles");
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.createDirectories(root.resolve("etc"));

    Result users = run("systemd-sysusers", "--root=" + root,
        REPO.resolve("systemd/raftvip.sysusers").toString());
    assertEquals(0, users.exitCode, users.output);
    String passwd = Files.readString(root.resolve("etc/passwd"));
    assertTrue(passwd.contains("raftvip:x:"), passwd);
    assertTrue(passwd.contains(":raftvip VIP manager:/var/lib/raftvip:"), passwd);
    int uid = Integer.parseInt(passwd.lines().filter(l -> l.startsWith("raftvip:"))
        .findFirst().orElseThrow().split(":")[2]);

    Result dirs = run("systemd-tmpfiles", "--root=" + root, "--create",
        REPO.resolve("systemd/raftvip.tmpfiles").toString());
    assertEquals(0, dirs.exitCode, dirs.output);
    Path run = root.resolve("run/raftvip");
    assertEquals("rwxr-x---",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(run)));
    assertEquals(uid, Files.getAttribute(run, "unix:uid", LinkOption.NOFOLLOW_LINKS));
    assertTrue(Files.isDirectory(root.resolve("etc/raftvip")));
  }

  private static int count(String text, String needle) {
    return text.split(java.util.regex.Pattern.quote(needle), -1).length - 1;
  }

  private static void requireTool(String tool) throws Exception {
    if (run("sh", "-c", "command -v " + tool).exitCode != 0) {
      String reason = "SKIPPED: " + tool + " is not installed; the systemd files were NOT checked";
      System.err.println("!!! " + SystemdUnitTest.class.getSimpleName() + " " + reason);
      Assumptions.abort(reason);
    }
  }

  private record Result(int exitCode, String output) {}

  private static Result run(String... command) throws Exception {
    Process process = new ProcessBuilder(new ArrayList<>(List.of(command)))
        .redirectErrorStream(true)
        .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(String.join(" ", command) + ": still running after 30 s");
    }
    return new Result(process.exitValue(), output);
  }
}
