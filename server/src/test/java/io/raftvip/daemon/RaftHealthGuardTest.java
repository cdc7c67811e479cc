package io.raftvip.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RaftHealthGuardTest {

  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicBoolean stopping = new AtomicBoolean();
  private final AtomicInteger exits = new AtomicInteger();
  private final RaftHealthGuard guard = new RaftHealthGuard("n1", running::get, () -> "CLOSED",
      stopping::get, exits::incrementAndGet);

  private void awaitExits(int n) throws InterruptedException {
    final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (exits.get() < n && System.nanoTime() < deadline) {
      Thread.sleep(5); // polling for the exit thread the guard starts
    }
  }

  @Test
  void raftClosedWhileRunning_exitsOnce() throws Exception {
    guard.check();
    assertEquals(0, exits.get(), "running Raft: nothing to do");
    running.set(false);
    guard.check();
    guard.check();
    awaitExits(1);
    assertEquals(1, exits.get());
  }

  @Test
  void raftClosedBecauseTheDaemonStops_isNotAnError() {
    stopping.set(true);
    running.set(false);
    guard.check();
    assertEquals(0, exits.get());
  }
}
