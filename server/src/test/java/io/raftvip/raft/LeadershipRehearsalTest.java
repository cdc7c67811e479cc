package io.raftvip.raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.config.TimingConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Real Ratis members on loopback, in this JVM: the rehearsal runs through and leaves nothing behind. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LeadershipRehearsalTest {

  private static final RaftTiming TIMING = TimingConfig.defaults().raftTiming();

  @TempDir
  Path tmp;

  @Test
  void electsTransfersAndCleansUp() throws Exception {
    final LeadershipRehearsal.Outcome o =
        new LeadershipRehearsal("127.0.0.1", tmp, TIMING, null, Duration.ofSeconds(30)).run();

    assertTrue(o.elected().startsWith(MemberIds.RESERVED_PREFIX), o.toString());
    assertTrue(o.transferredTo().startsWith(MemberIds.RESERVED_PREFIX), o.toString());
    assertNotEquals(o.elected(), o.transferredTo(), "leadership moved to another member");
    assertEquals(List.of(), contents(tmp), "the throwaway group's storage is gone");
  }

  @Test
  void anAddressNotOnThisHost_failsWithIoException_andCleansUp() throws IOException {
    // 192.0.2.1 is TEST-NET-1: never a local address, so the members cannot listen there.
    final IOException e = assertThrows(IOException.class,
        () -> new LeadershipRehearsal("192.0.2.1", tmp, TIMING, null, Duration.ofSeconds(5)).run());

    assertEquals(List.of(), contents(tmp), "nothing left after a failed start: " + e);
  }

  private static List<Path> contents(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
