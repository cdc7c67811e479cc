package io.raftvip.health;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a program without a shell (stdin from /dev/null, stdout and stderr merged into one bounded
 * buffer); exit status 0 is healthy. At the timeout the program and every process it started are
 * killed. The reason shows the exit status and the first line of output.
 *
 * <p>A program that puts a child in the background and exits is not waited for; that child keeps
 * the output pipe, and with it a daemon drain thread, until it exits itself.
 */
final class ExecCheck implements HealthCheck {

  /** How long the output of a program that ended may take to come through the pipe. */
  private static final Duration OUTPUT_GRACE = Duration.ofMillis(100);
  /** How long a killed program may take to die. */
  private static final Duration KILL_GRACE = Duration.ofMillis(500);
  private static final int SHOWN_OUTPUT = 120;
  /** ProcessBuilder says {@code Cannot run program "/x": error=2, No such file or directory}. */
  private static final Pattern ERRNO = Pattern.compile("error=\\d+, (.+)$");
  private static final File DEV_NULL = new File("/dev/null");
  private static final File ROOT = new File("/");

  private final String name;
  private final List<String> command;

  ExecCheck(String name, List<String> command) {
    this.name = name;
    this.command = List.copyOf(command);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public CheckResult run(Duration timeout) {
    Stopwatch watch = Stopwatch.start();
    Process process;
    try {
      // No shell, no PATH lookup; "/" so that a relative path inside the script means one thing.
      process = new ProcessBuilder(command).directory(ROOT).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL)).start();
    } catch (IOException | RuntimeException e) {
      return CheckResult.failed("cannot run " + command.get(0) + ": " + startFailure(e),
          watch.elapsed());
    }
    BoundedOutput output = new BoundedOutput(BoundedOutput.KEPT_BYTES);
    Thread drain = new Thread(() -> output.drain(process.getInputStream()),
        "raftvip-health-" + name + "-output");
    drain.setDaemon(true);
    drain.start();
    try {
      if (!process.waitFor(Math.max(0, watch.remaining(timeout).toNanos()),
          TimeUnit.NANOSECONDS)) {
        ProcessTree.kill(process, KILL_GRACE);
        awaitOutput(drain);
        return CheckResult.failed(Failures.timedOut(timeout) + ", killed" + shown(output),
            watch.elapsed());
      }
    } catch (InterruptedException e) {
      ProcessTree.kill(process, KILL_GRACE);
      Thread.currentThread().interrupt();
      return CheckResult.failed("interrupted (the monitor is stopping), killed", watch.elapsed());
    }
    awaitOutput(drain);
    int status = process.exitValue();
    return status == 0 ? CheckResult.passed("exit 0", watch.elapsed())
        : CheckResult.failed("exit " + status + shown(output), watch.elapsed());
  }

  private static void awaitOutput(Thread drain) {
    try {
      drain.join(OUTPUT_GRACE.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String shown(BoundedOutput output) {
    String line = output.firstLine();
    if (line.length() > SHOWN_OUTPUT) {
      line = line.substring(0, SHOWN_OUTPUT - 3) + "...";
    }
    return line.isEmpty() ? "" : ": " + line;
  }

  private static String startFailure(Exception e) {
    String message = String.valueOf(Failures.innermostMessage(e));
    Matcher errno = ERRNO.matcher(message);
    return errno.find() ? errno.group(1) : message;
  }
}
