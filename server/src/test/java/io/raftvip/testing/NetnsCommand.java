package io.raftvip.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs an external command (in tests only) with a time limit, capturing its output. */
public final class NetnsCommand {

  private NetnsCommand() {
  }

  /**
   * The outcome of a command.
   *
   * @param command the command line
   * @param exitCode its exit code (-1 when it was killed after the time limit)
   * @param stdout standard output
   * @param stderr standard error
   */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {

    /**
     * @return this result when the exit code is 0
     * @throws IllegalStateException naming the command, the exit code and stderr otherwise
     */
    public Result orThrow() {
      if (exitCode != 0) {
        throw new IllegalStateException(String.join(" ", command) + " exited " + exitCode
            + (exitCode == -1 ? " (timed out)" : "") + ": " + stderr.trim());
      }
      return this;
    }
  }

  /** Runs {@code command}, killing it after {@code timeout}. */
  public static Result run(Duration timeout, String... command) {
    ProcessBuilder pb = new ProcessBuilder(command);
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start " + String.join(" ", command), e);
    }
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream()));
    try {
      p.getOutputStream().close();
      boolean done = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (!done) {
        p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
      int code = done ? p.exitValue() : -1;
      return new Result(List.of(command), code, out.get(5, TimeUnit.SECONDS), err.get(5, TimeUnit.SECONDS));
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted running " + String.join(" ", command), e);
    } catch (Exception e) {
      p.destroyForcibly();
      throw new IllegalStateException("failed running " + String.join(" ", command) + ": " + e, e);
    }
  }

  private static String drain(InputStream in) {
    try (in) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
