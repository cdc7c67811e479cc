package io.raftvip.vip;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.raftvip.announce.Announcer;
import io.raftvip.net.Vip;
import io.raftvip.raft.LeadershipSnapshot;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The loop outlives nothing: events Ratis delivers while it stops must not blow up. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class OwnershipLoopTest {

  @Test
  void eventsAfterClose_areDroppedQuietly() throws Exception {
    FakeAddressManager kernel = new FakeAddressManager();
    Announcer silent = new Announcer() {
      @Override public void announce(Vip v) { }
      @Override public void close() { }
    };
    Vip vip = new Vip(InetAddress.getByName("10.4.0.9"), "end0");
    OwnershipController controller = new OwnershipController("n1", List.of(vip),
        () -> new LeadershipSnapshot(false, false, 0, 1, "n2"), kernel, silent,
        new AnnouncementSettings(3, Duration.ofSeconds(1), Duration.ofSeconds(10)),
        Duration.ofSeconds(3), StallGrace.off(), System::nanoTime, (from, to, term, reason) -> { });
    OwnershipLoop loop = new OwnershipLoop(controller, Duration.ofMillis(500));
    assertEquals(OwnershipState.FOLLOWER, loop.state().get(5, TimeUnit.SECONDS));
    loop.close();

    // Ratis calls notifyNotLeader from its own stop(), after the daemon closed this loop.
    assertDoesNotThrow(loop::poke);
    assertDoesNotThrow(loop::onResync);
    assertDoesNotThrow(() -> loop.onEvent(null));
  }
}
