package io.raftvip.it;

import io.raftvip.testing.NetnsCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One node's daemon, started as users start it: {@code bin/raftvip run --config FILE} from the
 * source tree, inside the node's namespace ({@code ip netns exec NS bin/raftvip ...}), so it runs
 * with the launcher's JVM flags. Its stdout and stderr are appended to the node's log, after a
 * line of ours that marks each start.
 *
 * <p>{@code ip netns exec} execs the command (iproute2 forks only in batch mode) and the
 * launcher {@code exec}s java, so the process we hold is the daemon's JVM: signals reach it and
 * its exit code is the daemon's. {@link #start} checks that, rather than trusting it.
 */
final class DaemonProcess {

  /** How long the launcher may take to exec java: a few forks, on a busy machine. */
  private static final Duration LAUNCH = Duration.ofSeconds(20);
  private static final String MAIN = "io.raftvip.daemon.Main";
  private static final Map<Integer, String> SIGNALS =
      Map.of(1, "SIGHUP", 2, "SIGINT", 6, "SIGABRT", 9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

  private final String id;
  private final String namespace;
  private final Path config;
  private final Path log;
  private Process process;
  private volatile long exitedNanos;
  private long logStart;
  private int runs;
  private boolean frozen;
  private boolean stopping;

  DaemonProcess(String id, String namespace, Path config, Path log) {
    this.id = id;
    this.namespace = namespace;
    this.config = config;
    this.log = log;
  }

  /** Starts a new run; fails unless the process it holds is the daemon's JVM. */
  synchronized void start() throws IOException {
    if (running()) {
      throw new IllegalStateException(id + " is already running (pid " + process.pid() + ")");
    }
    final List<String> command = List.of("ip", "netns", "exec", namespace,
        SourceTree.launcher().toString(), "run", "--config", config.toString());
    final ProcessBuilder pb = new ProcessBuilder(command).directory(log.getParent().toFile()); // hs_err files
    // No class-data archive (no test is about it), no extra flags from whoever runs the build, and
    // no journal log format when Maven runs under systemd: the log keeps its timestamps.
    pb.environment().keySet()
        .removeAll(List.of("RAFTVIP_CDS_DIR", "RAFTVIP_JAVA_OPTS", "JOURNAL_STREAM", "INVOCATION_ID"));
    pb.environment().put("JAVA_HOME", System.getProperty("java.home")); // the Java the tests run on
    pb.redirectErrorStream(true);
    pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    logStart = Files.exists(log) ? Files.size(log) : 0L;
    runs++;
    Files.writeString(log, "---- raftvip-it: " + Instant.now().truncatedTo(ChronoUnit.MILLIS) + " starting " + id
        + " (run " + runs + "): " + String.join(" ", command) + "\n",
        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    process = pb.start();
    frozen = false;
    stopping = false;
    exitedNanos = 0;
    final Process started = process;
    started.onExit().thenRun(() -> exitedNanos = System.nanoTime());
    awaitJvm(started);
  }

  /** Polls /proc until the pid runs java with our main class (the launcher has exec'ed). */
  private void awaitJvm(Process p) throws IOException {
    final Path cmdline = Path.of("/proc", Long.toString(p.pid()), "cmdline");
    final long deadline = System.nanoTime() + LAUNCH.toNanos();
    while (true) {
      String args = "";
      try {
        args = Files.readString(cmdline, StandardCharsets.UTF_8).replace('\0', ' ');
      } catch (IOException e) {
        // gone between the checks: reported below
      }
      if (args.contains(MAIN) && p.isAlive()) {
        return;
      }
      if (!p.isAlive()) {
        throw new IllegalStateException(id + " exited " + exitText(p.exitValue())
            + " right after start; its log ends:\n" + String.join("\n", tail(30)));
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(id + ": pid " + p.pid() + " still runs '" + args.trim() + "' after "
            + LAUNCH.toSeconds() + " s, not the daemon's JVM: signals would miss the daemon");
      }
      sleepQuietly(5); // polling the condition above
    }
  }

  /** Kills the current run, if any, with SIGKILL (which ends a frozen JVM too). */
  void destroy() throws InterruptedException {
    final Process p;
    synchronized (this) {
      p = process;
    }
    if (p != null && p.isAlive()) {
      p.destroyForcibly().waitFor(LAUNCH.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  synchronized boolean running() {
    return process != null && process.isAlive();
  }

  /** Sends {@code signal} ("KILL", "TERM", "STOP", "CONT", "HUP") to the daemon's JVM. */
  synchronized void signal(String signal) {
    final var result = NetnsCommand.run(Duration.ofSeconds(5), "kill", "-" + signal, Long.toString(process.pid()));
    if (process.isAlive()) {
      result.orThrow();
    } // else it had already exited by itself (e.g. a removed member): the signal has nothing to do

    switch (signal) {
      case "STOP" -> frozen = true;
      case "CONT" -> frozen = false;
      case "TERM" -> stopping = true;
      default -> { }
    }
  }

  synchronized boolean frozen() {
    return frozen && running();
  }

  /** @return whether it was sent SIGTERM and has not exited yet */
  synchronized boolean stopping() {
    return stopping && running();
  }

  /** @return the exit status of the latest run, or -1 while it runs (or never started) */
  synchronized int exitCode() {
    return process == null || process.isAlive() ? -1 : process.exitValue();
  }

  /** @return whether the current run exited within {@code timeout} */
  boolean awaitExit(Duration timeout) throws InterruptedException {
    final Process p;
    synchronized (this) {
      p = process;
    }
    return p == null || p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** @return e.g. "running, pid 123", "frozen (SIGSTOP), pid 123", "exited 137 (SIGKILL) at +52 ms", "never started" */
  synchronized String state(long sinceNanos) {
    if (process == null) {
      return "never started";
    }
    if (process.isAlive()) {
      return (frozen ? "frozen (SIGSTOP)" : stopping ? "stopping (SIGTERM sent)" : "running")
          + ", pid " + process.pid() + ", run " + runs;
    }
    final long at = exitedNanos;
    return "exited " + exitText(process.exitValue())
        + (at == 0 ? "" : " at " + ClusterDiagnostics.relative(at, sinceNanos)) + ", run " + runs;
  }

  static String exitText(int code) {
    return code > 128 && SIGNALS.containsKey(code - 128)
        ? code + " (" + SIGNALS.get(code - 128) + ")" : Integer.toString(code);
  }

  /** @return the whole log, every run */
  String logText() {
    try {
      return Files.exists(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the log of the latest run only (from our start line on) */
  String latestRun() {
    final long from;
    synchronized (this) {
      from = logStart;
    }
    try {
      final byte[] bytes = Files.exists(log) ? Files.readAllBytes(log) : new byte[0];
      final int start = (int) Math.min(bytes.length, from);
      return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return the last {@code n} lines of the log */
  List<String> tail(int n) {
    final List<String> lines = logText().lines().toList();
    return lines.subList(Math.max(0, lines.size() - n), lines.size());
  }

  Path log() {
    return log;
  }

  static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
