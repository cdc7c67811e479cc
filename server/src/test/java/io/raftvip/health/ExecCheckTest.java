package io.raftvip.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ExecCheckTest {

  private static final Duration GENEROUS = Duration.ofSeconds(10);
  private static final Duration SHORT = Duration.ofMillis(500);

  @TempDir
  Path dir;

  private static CheckResult run(Duration timeout, String... command) {
    return new ExecCheck("script", List.of(command)).run(timeout);
  }

  @Test
  void exitZero_isHealthy() {
    CheckResult result = run(GENEROUS, "/bin/true");
    assertTrue(result.healthy(), result::toString);
    assertEquals("exit 0", result.reason());
  }

  @Test
  void nonZeroExit_isUnhealthy_withItsStatus() {
    CheckResult result = run(GENEROUS, "/bin/false");
    assertFalse(result.healthy());
    assertEquals("exit 1", result.reason());
  }

  @Test
  void reason_showsTheFirstLineOfOutput_stdoutAndStderrMerged() throws Exception {
    Path script = Scripts.write(dir, "check", "echo; echo 'etcd not ready' >&2; echo more; exit 2");
    assertEquals("exit 2: etcd not ready", run(GENEROUS, script.toString()).reason());
  }

  @Test
  void arguments_arePassedWithoutAShell() throws Exception {
    Path script = Scripts.write(dir, "args", "echo \"$#:$1:$2\"; exit 3");
    assertEquals("exit 3: 2:a b;$(true):*", run(GENEROUS, script.toString(), "a b;$(true)", "*")
        .reason());
  }

  @Test
  void stdin_isEmpty() throws Exception {
    Path script = Scripts.write(dir, "stdin", "if read line; then exit 1; fi; exit 0");
    assertTrue(run(GENEROUS, script.toString()).healthy(), "read must see end of input at once");
  }

  @Test
  void outputFlood_neitherBlocksTheProgramNorFailsTheCheck() throws Exception {
    // 64 MiB through the pipe: a check that stopped reading would block the writer (the pipe
    // holds 64 KiB) and time out; one that kept everything would need the memory.
    Path script = Scripts.write(dir, "flood", "head -c 67108864 /dev/zero; echo; exit 0");
    CheckResult result = run(GENEROUS, script.toString());
    assertTrue(result.healthy(), result::toString);
  }

  @Test
  void endlessOutput_isKilledAtTheTimeout() throws Exception {
    Path script = Scripts.write(dir, "endless", "yes 'flooding'");
    CheckResult result = run(Duration.ofSeconds(1), script.toString());
    assertEquals("timed out after 1000 ms, killed: flooding", result.reason());
  }

  @Test
  void programPastItsTimeout_isKilled_withItsChild() throws Exception {
    Path pids = dir.resolve("pids");
    Path script = Scripts.write(dir, "hang",
        "sleep 60 & echo \"$$ $!\" > '" + pids + "'; echo started; wait");
    long start = System.nanoTime();
    CheckResult result = run(SHORT, script.toString());
    long tookMillis = (System.nanoTime() - start) / 1_000_000;
    assertFalse(result.healthy());
    assertEquals("timed out after 500 ms, killed: started", result.reason());
    assertTrue(tookMillis < 500 + 1_000, "returned after " + tookMillis + " ms");
    String[] both = Files.readString(pids).strip().split(" ");
    long parent = Long.parseLong(both[0]);
    long child = Long.parseLong(both[1]);
    Eventually.until(Duration.ofSeconds(2), () -> Scripts.gone(parent) && Scripts.gone(child),
        () -> "parent " + parent + " gone: " + Scripts.gone(parent) + ", child " + child
            + " gone: " + Scripts.gone(child));
  }

  @Test
  void interrupt_killsTheProgram_andEndsTheRunAtOnce() throws Exception {
    Path pids = dir.resolve("pid");
    Path script = Scripts.write(dir, "hang", "echo $$ > '" + pids + "'; exec sleep 60");
    Thread[] runner = new Thread[1];
    CompletableFuture<CheckResult> result = new CompletableFuture<>();
    runner[0] = new Thread(() -> result.complete(run(GENEROUS, script.toString())));
    runner[0].start();
    Eventually.until(Duration.ofSeconds(5), () -> Files.exists(pids) && size(pids) > 0, () -> "");
    runner[0].interrupt();
    assertEquals("interrupted (the monitor is stopping), killed",
        result.get(2, TimeUnit.SECONDS).reason());
    long pid = Long.parseLong(Files.readString(pids).strip());
    Eventually.until(Duration.ofSeconds(2), () -> Scripts.gone(pid), () -> "pid " + pid);
  }

  @Test
  void missingProgram_saysSo() {
    CheckResult result = run(GENEROUS, "/nonexistent/check-cp", "--quiet");
    assertFalse(result.healthy());
    assertEquals("cannot run /nonexistent/check-cp: No such file or directory", result.reason());
  }

  @Test
  void programWithoutExecutePermission_saysSo() throws Exception {
    Path script = Scripts.write(dir, "noexec", "exit 0");
    Files.setPosixFilePermissions(script,
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    CheckResult result = run(GENEROUS, script.toString());
    // root may execute a file without x bits only if some x bit is set; none is here.
    assertEquals("cannot run " + script + ": Permission denied", result.reason());
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (java.io.IOException e) {
      return 0;
    }
  }
}
