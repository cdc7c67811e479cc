package io.raftvip.health;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Kills a process together with every process it started. */
final class ProcessTree {

  private ProcessTree() {}

  /**
   * Kills {@code process} and its descendants with SIGKILL and waits up to {@code grace} for it
   * to die. The descendants are listed before the parent dies: once it is gone they are
   * reparented and no longer found as its descendants.
   */
  static void kill(Process process, Duration grace) {
    List<ProcessHandle> descendants = process.descendants().toList();
    process.destroyForcibly();
    descendants.forEach(ProcessHandle::destroyForcibly);
    boolean interrupted = Thread.interrupted(); // wait even when called because of an interrupt
    try {
      process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
