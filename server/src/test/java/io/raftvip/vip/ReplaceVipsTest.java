package io.raftvip.vip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.announce.Announcer;
import io.raftvip.net.Vip;
import io.raftvip.raft.LeadershipSnapshot;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A reload's new VIP list ({@link OwnershipController#replaceVips}): all VIPs bound or none. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ReplaceVipsTest {

  private static final StallGrace GRACE = new StallGrace(Duration.ofMillis(30), Duration.ofMillis(30),
      Duration.ofMillis(560), Duration.ofMillis(100), Duration.ofMillis(40));
  private static final AnnouncementSettings ANNOUNCE = new AnnouncementSettings(2, Duration.ofSeconds(1),
      Duration.ZERO);

  private final FakeAddressManager kernel = new FakeAddressManager();
  private final List<String> announced = new ArrayList<>();
  private final List<String> transitions = new ArrayList<>();
  private long now;
  private LeadershipSnapshot snapshot = new LeadershipSnapshot(false, false, 0, 1, "n2");
  private OwnershipController controller;
  private Vip a;
  private Vip b;
  private Vip c;

  @BeforeEach
  void setUp() throws Exception {
    a = new Vip(InetAddress.getByName("10.4.0.9"), "end0");
    b = new Vip(InetAddress.getByName("10.4.0.8"), "end0");
    c = new Vip(InetAddress.getByName("fd00::9"), "end1");
    final Announcer announcer = new Announcer() {
      @Override public void announce(Vip v) {
        announced.add(v.address().getHostAddress());
      }
      @Override public void close() { }
    };
    controller = new OwnershipController("n1", List.of(a, b), () -> snapshot, kernel, announcer,
        new AnnouncementSettings(3, Duration.ofSeconds(1), Duration.ofSeconds(10)), Duration.ofSeconds(3), GRACE,
        () -> now, (from, to, term, reason) -> transitions.add(from + "->" + to));
  }

  private void own() {
    snapshot = new LeadershipSnapshot(true, true, 50, 2, "n1");
    controller.evaluate();
    assertEquals(OwnershipState.OWNER, controller.state());
    announced.clear();
    kernel.calls.clear();
  }

  @Test
  void owner_bindsAddedVips_releasesRemovedOnes_andAnnouncesAllAfresh() {
    own();

    controller.replaceVips(List.of(a, c), ANNOUNCE);

    assertEquals(Set.of(a, c), kernel.bound);
    assertEquals(List.of("remove 10.4.0.8", "add fd00:0:0:0:0:0:0:9 lifetime=3000"), kernel.calls);
    assertEquals(List.of("10.4.0.9", "fd00:0:0:0:0:0:0:9"), announced);
    assertEquals(OwnershipState.OWNER, controller.state());
  }

  @Test
  void follower_bindsNothing_andMakesSureRemovedVipsAreGone() {
    controller.evaluate();

    controller.replaceVips(List.of(a, c), ANNOUNCE);

    assertEquals(List.of("remove 10.4.0.8"), kernel.calls);
    assertTrue(kernel.bound.isEmpty());
    assertEquals(List.of(), announced);
  }

  @Test
  void addedVipThatCannotBeBound_releasesEveryVip_thenBindsAllTogether() {
    own();
    kernel.failAdds = true;

    controller.replaceVips(List.of(a, b, c), ANNOUNCE);

    assertTrue(kernel.bound.isEmpty(), "all or none: " + kernel.bound);
    assertEquals(OwnershipState.LEADER_PENDING, controller.state());
    kernel.failAdds = false;
    now += TimeUnit.MILLISECONDS.toNanos(500);
    controller.evaluate();
    assertTrue(kernel.bound.isEmpty(), "retried a second after the failure, not before");
    now += TimeUnit.MILLISECONDS.toNanos(600);
    controller.evaluate();
    assertEquals(Set.of(a, b, c), kernel.bound);
    assertEquals(List.of("FOLLOWER->OWNER", "OWNER->LEADER_PENDING", "LEADER_PENDING->OWNER"), transitions);
  }

  @Test
  void newAnnounceSettings_governTheNextRounds() {
    own();

    controller.replaceVips(List.of(a, b), ANNOUNCE);
    now += TimeUnit.MILLISECONDS.toNanos(1000);
    controller.evaluate();
    now += TimeUnit.SECONDS.toNanos(30);
    controller.evaluate();

    assertEquals(List.of("10.4.0.9", "10.4.0.8", "10.4.0.9", "10.4.0.8"), announced,
        "two rounds (repeat 2), then none (refresh 0)");
  }
}
