package io.raftvip.health;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Questions "may the VIP move here?" that wait for a round of checks started after they were
 * asked. A verdict, and even the latest round, can predate an outage that hit every node at once;
 * a round that started after the question has seen whatever the asking owner saw.
 */
final class NextRoundWaiters {

  private record Waiter(long afterRound, CompletableFuture<Readiness> answer) {
  }

  private final List<Waiter> waiting = new ArrayList<>();
  private boolean closed;

  /**
   * @param lastStarted the number of the last round started when the question came
   * @return the readiness after the first round numbered above {@code lastStarted} has finished
   */
  synchronized CompletableFuture<Readiness> after(long lastStarted) {
    final CompletableFuture<Readiness> answer = new CompletableFuture<>();
    if (closed) {
      answer.complete(Readiness.no("its health checks are stopping"));
    } else {
      waiting.add(new Waiter(lastStarted, answer));
    }
    return answer;
  }

  /** Answers every question that {@code round}, just finished, is recent enough for. */
  void finished(long round, Supplier<Readiness> readiness) {
    final List<CompletableFuture<Readiness>> due = new ArrayList<>();
    synchronized (this) {
      for (Iterator<Waiter> it = waiting.iterator(); it.hasNext(); ) {
        final Waiter w = it.next();
        if (round > w.afterRound()) {
          due.add(w.answer());
          it.remove();
        }
      }
    }
    if (!due.isEmpty()) {
      final Readiness now = readiness.get();
      due.forEach(a -> a.complete(now)); // outside the lock: completing runs the askers' callbacks
    }
  }

  /** Answers every waiting question no; later questions too. */
  void close() {
    final List<Waiter> left;
    synchronized (this) {
      closed = true;
      left = new ArrayList<>(waiting);
      waiting.clear();
    }
    left.forEach(w -> w.answer().complete(Readiness.no("its health checks are stopping")));
  }
}
