package io.raftvip.dist;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * systemd as PID 1 in a {@code systemd-nspawn} container whose root is a writable overlay of this
 * host's own root (upper and work directories on a tmpfs of ours), its network a namespace of
 * {@link BridgeLab}. Driven with {@code nsenter -t <its systemd> -a}; there is no machinectl here.
 * {@link #close()} stops the container, unmounts the overlay and the tmpfs, removes the scratch
 * directory and the namespaces, also after a failure; the container's journal goes to the logs
 * directory first.
 *
 * <p>The overlay is made to look like a plain Debian machine: the host's own enabled services (a
 * database, keepalived, …) and PackageKit (apt's hook starts it, seconds per install) are masked,
 * and a Docker-style {@code /usr/sbin/policy-rc.d} that forbids maintainer scripts to start or
 * stop services is removed. None of that is what the test is about.
 */
final class SystemdContainer implements AutoCloseable {

  private static final Duration SHORT = Duration.ofSeconds(30);

  private final String name;
  private final Path logs;
  private final Path scratch;
  private final Path merged;
  private final BridgeLab lab;
  private final List<String> mounts = new ArrayList<>();
  private Process nspawn;
  private long init;

  private SystemdContainer(String name, Path logs) {
    this.name = name;
    this.logs = logs;
    this.scratch = Path.of("/tmp", name + "-root");
    this.merged = scratch.resolve("merged");
    this.lab = new BridgeLab(name);
  }

  /** @return why this host cannot run the container, or empty when it can */
  static Optional<String> missingPrerequisite() {
    try {
      final String status = Files.readString(Path.of("/proc/self/status"));
      if (status.lines().noneMatch(l -> l.matches("Uid:\\s+0\\s.*"))) {
        return Optional.of("not root (mounts, namespaces and systemd-nspawn need it)");
      }
      if (!Files.readString(Path.of("/proc/filesystems")).contains("\toverlay")) {
        return Optional.of("the kernel has no overlayfs (/proc/filesystems)");
      }
    } catch (IOException e) {
      return Optional.of("cannot read /proc: " + e.getMessage());
    }
    for (String tool : List.of("systemd-nspawn", "nsenter", "ip", "dpkg-deb")) {
      if (!Sh.run(SHORT, "sh", "-c", "command -v " + tool).ok()) {
        return Optional.of(tool + " not found" + (tool.equals("systemd-nspawn") ? " (Debian package systemd-container)" : ""));
      }
    }
    if (!Files.isExecutable(Path.of("/lib/systemd/systemd")) || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      return Optional.of("this host's root has no /lib/systemd/systemd or apt-get to boot and install with");
    }
    return Optional.empty();
  }

  /** Mounts the overlay, creates the namespaces and boots; returns once systemd reports "running". */
  static SystemdContainer boot(Path logs, Duration bootDeadline) throws IOException {
    final byte[] id = new byte[3];
    new SecureRandom().nextBytes(id);
    final SystemdContainer c = new SystemdContainer("rvp-" + HexFormat.of().formatHex(id), logs);
    try {
      c.start(bootDeadline);
      return c;
    } catch (RuntimeException | Error | IOException e) {
      c.close();
      throw e;
    }
  }

  private void start(Duration bootDeadline) throws IOException {
    Files.createDirectories(logs);
    Files.createDirectories(scratch);
    mount("-t", "tmpfs", "-o", "mode=0755", name, scratch.toString());
    for (String d : List.of("upper", "work", "merged")) {
      Files.createDirectory(scratch.resolve(d));
    }
    mount("-t", "overlay", "overlay", "-o", "lowerdir=/,upperdir=" + scratch.resolve("upper")
        + ",workdir=" + scratch.resolve("work"), merged.toString());
    maskHostServices();
    final byte[] machineId = new byte[16];
    new SecureRandom().nextBytes(machineId);
    Files.writeString(merged.resolve("etc/machine-id"), HexFormat.of().formatHex(machineId) + "\n");
    lab.create();

    final ProcessBuilder pb = new ProcessBuilder("systemd-nspawn", "-D", merged.toString(), "-M", name,
        "--register=no", "--keep-unit", "--network-namespace-path=/run/netns/" + lab.nodeNs(),
        "--capability=CAP_NET_ADMIN", "--console=pipe", "-b", "systemd.firstboot=off")
        .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
        .redirectErrorStream(true).redirectOutput(logs.resolve("console.log").toFile());
    pb.environment().put("SYSTEMD_NSPAWN_UNIFIED_HIERARCHY", "1");
    nspawn = pb.start();
    if (!Sh.await(SHORT, () -> findInit().isPresent())) {
      throw new AssertionError("systemd-nspawn started no systemd within " + SHORT + "; see " + logs.resolve("console.log"));
    }
    init = findInit().orElseThrow();
    awaitRunning(bootDeadline);
  }

  private Optional<Long> findInit() {
    if (!nspawn.isAlive()) {
      throw new AssertionError("systemd-nspawn exited " + nspawn.exitValue() + "; see " + logs.resolve("console.log"));
    }
    return nspawn.toHandle().children()
        .filter(p -> p.info().command().map(cmd -> cmd.endsWith("/systemd")).orElse(false))
        .map(ProcessHandle::pid).findFirst();
  }

  private void awaitRunning(Duration deadline) {
    final long end = System.nanoTime() + deadline.toNanos();
    String state = "";
    while (System.nanoTime() < end) {
      // Fails at first, until PID 1 has its private socket; --wait then blocks until boot ends.
      final Sh.Result r = exec(deadline, "systemctl is-system-running --wait");
      state = r.out().strip();
      if (state.equals("running")) {
        return;
      }
      if (state.equals("degraded") || state.equals("maintenance") || state.equals("stopping")) {
        break;
      }
      Sh.await(Duration.ofMillis(200), () -> false);
    }
    throw new AssertionError("the container's systemd did not reach multi-user with no failed unit within "
        + deadline + " (state '" + state + "'):\n" + exec(SHORT, "systemctl --failed --no-pager").out()
        + "\njournal tail:\n" + exec(SHORT, "journalctl --no-pager -n 60").out());
  }

  private void maskHostServices() throws IOException {
    final Path wants = merged.resolve("etc/systemd/system/multi-user.target.wants");
    final List<String> masked = new ArrayList<>(List.of("packagekit.service"));
    if (Files.isDirectory(wants)) {
      try (DirectoryStream<Path> units = Files.newDirectoryStream(wants, "*.service")) {
        units.forEach(unit -> masked.add(unit.getFileName().toString()));
      }
    }
    for (String unit : masked) {
      final Path mask = merged.resolve("etc/systemd/system").resolve(unit);
      Files.deleteIfExists(mask);
      Files.createSymbolicLink(mask, Path.of("/dev/null"));
    }
    System.out.println("systemd IT: masked in the container: " + masked);
    if (Files.deleteIfExists(merged.resolve("usr/sbin/policy-rc.d"))) {
      System.out.println("systemd IT: removed this host's /usr/sbin/policy-rc.d in the container");
    }
  }

  /** Runs a shell script as root inside the container, with a clean environment. */
  Sh.Result exec(Duration timeout, String script) {
    return Sh.run(timeout, "nsenter", "-t", Long.toString(init), "-a", "env", "-i",
        "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "HOME=/root", "LANG=C.UTF-8", "DEBIAN_FRONTEND=noninteractive",
        "sh", "-c", script);
  }

  /** The container's root as seen from the host (the overlay's merged directory). */
  Path root() {
    return merged;
  }

  BridgeLab lab() {
    return lab;
  }

  private void mount(String... args) {
    final String[] command = new String[args.length + 1];
    command[0] = "mount";
    System.arraycopy(args, 0, command, 1, args.length);
    Sh.run(SHORT, command).check();
    mounts.add(0, args[args.length - 1]);
  }

  @Override
  public void close() {
    if (init > 0) {
      try {
        Files.writeString(logs.resolve("journal.txt"),
            exec(SHORT, "journalctl --no-pager -o short-precise").out());
      } catch (IOException | RuntimeException | AssertionError e) {
        System.err.println("systemd IT: cannot save the container's journal: " + e);
      }
    }
    if (nspawn != null) {
      stop();
    }
    for (String m : mounts) {
      if (!Sh.run(SHORT, "umount", m).ok()) {
        Sh.await(Duration.ofSeconds(2), () -> false);
        final Sh.Result r = Sh.run(SHORT, "umount", m);
        if (!r.ok()) {
          System.err.println("systemd IT: " + m + " busy, detaching it lazily: " + r.err().strip());
          Sh.run(SHORT, "umount", "-l", m);
        }
      }
    }
    try {
      for (String d : List.of("merged", "upper", "work")) {
        Files.deleteIfExists(scratch.resolve(d));
      }
      Files.deleteIfExists(scratch);
    } catch (IOException e) {
      System.err.println("systemd IT: cannot remove " + scratch + ": " + e);
    }
    lab.close();
  }

  /** SIGTERM: nspawn halts the container; a second one ends it at once; then SIGKILL. */
  private void stop() {
    try {
      nspawn.destroy();
      if (!nspawn.waitFor(20, TimeUnit.SECONDS)) {
        nspawn.destroy();
        if (!nspawn.waitFor(5, TimeUnit.SECONDS)) {
          ProcessHandle.of(init).ifPresent(ProcessHandle::destroyForcibly);
          nspawn.destroyForcibly();
          nspawn.waitFor(5, TimeUnit.SECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      nspawn.destroyForcibly();
    }
    // systemd-nspawn leaves this (empty) directory behind when /run is not a tmpfs, as here.
    try {
      Files.deleteIfExists(Path.of("/run/systemd/nspawn/propagate", name));
    } catch (IOException e) {
      // Not ours to worry about beyond this attempt.
    }
  }
}
