package io.raftvip.ctl;

/**
 * What to tell the user when a command fails: one line for stderr (without the "raftvipctl: "
 * prefix) and the exit code.
 *
 * @param exitCode the process exit code
 * @param message the line to print
 */
record Failure(ExitCode exitCode, String message) {}
