package io.raftvip.vip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.announce.Announcer;
import io.raftvip.net.AddressListener;
import io.raftvip.net.AddressManager;
import io.raftvip.net.BoundAddress;
import io.raftvip.net.Vip;
import io.raftvip.net.netlink.Errno;
import io.raftvip.raft.LeadershipSnapshot;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The controller's bind failure path: each failed attempt reaches the listener with its cause
 * and fix, and only what was bound in the attempt is removed again (a VIP that could not be bound
 * is not asked to be removed: without CAP_NET_ADMIN that fails too, every second).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class BindFailureReportingTest {

  private final Set<Vip> bound = new LinkedHashSet<>();
  private final List<String> calls = new ArrayList<>();
  private final List<BindFailure> reported = new ArrayList<>();
  private final List<String> transitions = new ArrayList<>();
  private Vip failing;
  private long now;

  private final AddressManager kernel = new AddressManager() {
    @Override public void add(Vip vip, Duration lifetime) {
      calls.add("add " + vip.address().getHostAddress());
      if (vip.equals(failing)) {
        throw Errno.failure("RTM_NEWADDR " + vip, Errno.EPERM, "CAP_NET_ADMIN");
      }
      bound.add(vip);
    }

    @Override public void remove(Vip vip) {
      calls.add("remove " + vip.address().getHostAddress());
      bound.remove(vip);
    }

    @Override public List<BoundAddress> list(String interfaceName) {
      return List.of();
    }

    @Override public List<BoundAddress> listOurs() {
      return List.of();
    }

    @Override public Subscription subscribe(AddressListener listener) {
      return () -> { };
    }

    @Override public void close() {
    }
  };

  private static Vip vip(String ip) throws Exception {
    return new Vip(InetAddress.getByName(ip), "end0");
  }

  private OwnershipController controller(List<Vip> vips) {
    final Announcer quiet = new Announcer() {
      @Override public void announce(Vip v) { }
      @Override public void close() { }
    };
    final LeadershipSnapshot leader = new LeadershipSnapshot(true, true, 50, 2, "n1");
    return new OwnershipController("n1", vips, () -> leader, kernel, quiet,
        new AnnouncementSettings(3, Duration.ofSeconds(1), Duration.ofSeconds(10)), Duration.ofSeconds(3),
        StallGrace.forTiming(Duration.ofMillis(100), Duration.ofMillis(160), Duration.ofMillis(80),
            Duration.ofMillis(600), Duration.ofMillis(40)), () -> now,
        new OwnershipListener() {
          @Override public void transitioned(OwnershipState from, OwnershipState to, long term, String reason) {
            transitions.add(from + "->" + to);
          }

          @Override public void bindFailed(BindFailure failure) {
            reported.add(failure);
          }
        });
  }

  @Test
  void everyFailedAttempt_reachesTheListener_withCauseAndFix_untilTheBindWorks() throws Exception {
    failing = vip("10.4.0.9");
    final OwnershipController c = controller(List.of(failing));
    for (int attempt = 0; attempt < 3; attempt++) {
      c.evaluate();
      now += TimeUnit.SECONDS.toNanos(1);
    }
    assertEquals(3, reported.size());
    assertEquals("cannot bind 10.4.0.9 on end0: EPERM (Operation not permitted): " + BindFailure.CAPABILITY_FIX,
        reported.get(0).message());
    assertEquals(List.of("add 10.4.0.9", "add 10.4.0.9", "add 10.4.0.9"), calls, "nothing to remove: nothing was bound");
    assertEquals(List.of(), transitions, "no owner meanwhile");

    failing = null; // the capability was granted
    c.evaluate();
    assertEquals(OwnershipState.OWNER, c.state());
    assertEquals(3, reported.size());
  }

  @Test
  void secondVipFails_theFirstIsRemovedAgain_theSecondIsNotAskedToBe() throws Exception {
    final Vip first = vip("10.4.0.9");
    failing = vip("10.4.0.10");
    final OwnershipController c = controller(List.of(first, failing));
    c.evaluate();
    assertEquals(List.of("add 10.4.0.9", "add 10.4.0.10", "remove 10.4.0.9"), calls);
    assertTrue(bound.isEmpty(), "never part of the VIPs bound");
    assertEquals("10.4.0.10", reported.get(0).vip());
  }
}
