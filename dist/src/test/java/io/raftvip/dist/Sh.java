package io.raftvip.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs host commands with a deadline and captures their output; the tests' only process runner. */
final class Sh {

  /** What a finished command left: its exit code and its stdout and stderr. */
  record Result(List<String> command, int exit, String out, String err) {

    boolean ok() {
      return exit == 0;
    }

    /** @return this, if the command exited 0; otherwise fails naming the command and its output */
    Result check() {
      if (exit != 0) {
        throw new AssertionError("`" + String.join(" ", command) + "` exited " + exit
            + "\nstdout:\n" + out + "\nstderr:\n" + err);
      }
      return this;
    }
  }

  private Sh() {
  }

  static Result run(Duration timeout, String... command) {
    return run(timeout, Map.of(), command);
  }

  static Result run(Duration timeout, Map<String, String> env, String... command) {
    try {
      final Path out = Files.createTempFile("rvp-sh-", ".out");
      final Path err = Files.createTempFile("rvp-sh-", ".err");
      try {
        final ProcessBuilder pb = new ProcessBuilder(command)
            .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
            .redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().putAll(env);
        final Process p = pb.start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
          p.waitFor(5, TimeUnit.SECONDS);
          throw new AssertionError("`" + String.join(" ", command) + "` did not finish within "
              + timeout + "\nstdout so far:\n" + Files.readString(out) + "\nstderr so far:\n" + Files.readString(err));
        }
        return new Result(List.of(command), p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
            Files.readString(err, StandardCharsets.UTF_8));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", command), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while running " + String.join(" ", command), e);
    }
  }

  /** Polls {@code condition} every 50 ms until it holds or {@code deadline} passes. */
  static boolean await(Duration deadline, java.util.function.BooleanSupplier condition) {
    final long end = System.nanoTime() + deadline.toNanos();
    while (true) {
      if (condition.getAsBoolean()) {
        return true;
      }
      if (System.nanoTime() > end) {
        return false;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
