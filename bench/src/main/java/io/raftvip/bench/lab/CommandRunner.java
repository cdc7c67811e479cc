package io.raftvip.bench.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs short-lived lab commands ({@code ip ...}) and turns a non-zero exit into an exception that
 * names the command and what it printed.
 */
public final class CommandRunner {

    private static final long TIMEOUT_SECONDS = 20;

    /** Creates a runner. */
    public CommandRunner() {
    }

    /**
     * Runs a command and returns its standard output.
     *
     * @throws LabException when the command fails, times out or cannot be started
     */
    public String run(String... command) {
        Result result = tryRun(command);
        if (result.exitCode() != 0) {
            throw new LabException(String.join(" ", command) + ": exit " + result.exitCode() + ": "
                    + result.output().strip());
        }
        return result.output();
    }

    /** Runs a command whose failure is expected sometimes (e.g. deleting what may be gone). */
    public Result tryRun(String... command) {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new LabException(String.join(" ", command) + ": timed out after " + TIMEOUT_SECONDS + " s");
            }
            return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new LabException(String.join(" ", command) + ": cannot start: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LabException(String.join(" ", command) + ": interrupted", e);
        }
    }

    /** Exit code and combined stdout/stderr of a finished command. */
    public record Result(int exitCode, String output) {
    }
}
