package io.raftvip.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.raftvip.raft.LeadershipRehearsal;
import io.raftvip.raft.LeadershipSnapshot;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BackgroundRehearsalTest {

  private static final LeadershipRehearsal.Outcome OUTCOME = new LeadershipRehearsal.Outcome("r1", "r2");
  private final AtomicReference<String> leader = new AtomicReference<>("");
  private final CountDownLatch ran = new CountDownLatch(1);

  private LeadershipSnapshot snapshot() {
    return new LeadershipSnapshot(false, false, 0, 1, leader.get(), "");
  }

  private LeadershipRehearsal.Outcome countingRehearsal() {
    ran.countDown();
    return OUTCOME;
  }

  @Test
  void waitsUntilOneLeaderWasKnownForTheQuietTime_thenRuns() throws Exception {
    try (BackgroundRehearsal r = BackgroundRehearsal.start("n1", this::snapshot, this::countingRehearsal,
        Duration.ofSeconds(20))) {
      assertFalse(ran.await(300, TimeUnit.MILLISECONDS), "ran before any leader was known");
      final long known = System.nanoTime();
      leader.set("n2");

      assertTrue(ran.await(10, TimeUnit.SECONDS), "never ran with a known leader");
      assertTrue(System.nanoTime() - known >= BackgroundRehearsal.LEADER_QUIET.toNanos(),
          "ran before the leader had been known for the quiet time");
    }
  }

  @Test
  void withoutALeader_runsAfterTheSettleTime() throws Exception {
    try (BackgroundRehearsal r = BackgroundRehearsal.start("n1", this::snapshot, this::countingRehearsal,
        Duration.ofMillis(200))) {
      assertTrue(ran.await(10, TimeUnit.SECONDS), "a node without a leader must still rehearse");
    }
  }

  @Test
  void aFailingRehearsal_isLoggedWithTheEndMarker() throws Exception {
    final Logger logger = (Logger) LoggerFactory.getLogger(BackgroundRehearsal.class);
    final ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    try (BackgroundRehearsal r = BackgroundRehearsal.start("n1", this::snapshot, () -> {
      throw new java.io.IOException("no port");
    }, Duration.ZERO)) {
      final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (warnings(events).isEmpty() && System.nanoTime() < deadline) {
        TimeUnit.MILLISECONDS.sleep(10);
      }
      assertEquals(List.of("n1: failover rehearsal: failed (java.io.IOException: no port); the first failover may be"
          + " slower, nothing else changes"), warnings(events));
    } finally {
      logger.detachAppender(events);
    }
  }

  private static List<String> warnings(ListAppender<ILoggingEvent> events) {
    synchronized (events) { // AppenderBase.doAppend holds the appender's lock while adding
      return events.list.stream().filter(e -> e.getLevel() == Level.WARN)
          .map(ILoggingEvent::getFormattedMessage).toList();
    }
  }

  @Test
  void close_stopsAWaitingRehearsal() throws Exception {
    final BackgroundRehearsal r = BackgroundRehearsal.start("n1", this::snapshot, this::countingRehearsal,
        Duration.ofSeconds(20));
    r.close();
    leader.set("n2");

    assertFalse(ran.await(BackgroundRehearsal.LEADER_QUIET.toMillis() + 500, TimeUnit.MILLISECONDS),
        "a closed rehearsal ran anyway");
  }
}
