package io.raftvip.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.net.Vip;
import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.EventType;
import io.raftvip.proto.v1.Status;
import io.raftvip.raft.MemberView;
import io.raftvip.raft.PeerSpec;
import io.raftvip.vip.BindFailure;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Config drift and bind failures in the status and the event stream. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class DriftAndBindEventsTest {

  private static final List<MemberView> MEMBERS = List.of(
      new MemberView(new PeerSpec("n1", "10.4.0.10:7420", 0), true, 0),
      new MemberView(new PeerSpec("n4", "10.4.0.13:7420", 0), false, 3));
  private static final ConfigDrift DRIFT = new ConfigDrift("/etc/raftvip/raftvip.yaml",
      List.of("n4 (10.4.0.13:7420)"), List.of(), List.of());
  private static final BindFailure EPERM = new BindFailure("10.4.0.9", "end0", "EPERM",
      "cannot bind 10.4.0.9 on end0: EPERM (Operation not permitted): the daemon lacks CAP_NET_ADMIN; run it as the"
          + " shipped unit does (AmbientCapabilities=CAP_NET_ADMIN CAP_NET_RAW) or as root");

  private final StatusAssembler assembler;
  private final EventStream stream;
  private final List<Event> events = new ArrayList<>();

  DriftAndBindEventsTest() throws Exception {
    assembler = new StatusAssembler("c", "n1", List.of(new Vip(InetAddress.getByName("10.4.0.9"), "end0")), 900, false);
    stream = new EventStream("n1", assembler);
    stream.subscribe(events::add);
  }

  private static Observation observation(ConfigDrift drift, BindTrouble trouble) {
    return new Observation("", 0, "n1", 1, true, true, MEMBERS, null, java.util.Map.of(), null, drift, trouble);
  }

  private List<String> seen() {
    return events.stream().map(e -> e.getType() + " " + e.getMessage()).toList();
  }

  @Test
  void status_carriesTheDriftAndTheBindFailure() {
    final Status s = assembler.status(observation(DRIFT, new BindTrouble(EPERM, 1_000, 7, 7_000)));
    assertEquals(List.of("n4 (10.4.0.13:7420)"), s.getConfigDrift().getUnlistedMembersList());
    assertEquals("/etc/raftvip/raftvip.yaml", s.getConfigDrift().getConfigFile());
    assertEquals(DRIFT.message(), s.getConfigDrift().getMessage());
    assertEquals(EPERM.message(), s.getBindFailure().getMessage());
    assertEquals("EPERM", s.getBindFailure().getErrno());
    assertEquals(7, s.getBindFailure().getAttempts());
    assertEquals(1, s.getBindFailure().getSince().getSeconds());
    assertEquals("end0", s.getBindFailure().getInterface());
    final Status plain = assembler.status(observation(null, null));
    assertTrue(!plain.hasConfigDrift() && !plain.hasBindFailure(), plain.toString());
  }

  @Test
  void bindFailure_isStreamedWhenItBegins_notOnEveryRetry() {
    final Observation quiet = observation(null, null);
    final Observation first = observation(null, new BindTrouble(EPERM, 1_000, 1, 1_000));
    final Observation again = observation(null, new BindTrouble(EPERM, 1_000, 2, 2_000));
    stream.observed(quiet, first);
    stream.observed(first, again);
    assertEquals(List.of("EVENT_BIND_FAILED " + EPERM.message()), seen());
    assertEquals(EPERM.message(), events.get(0).getStatus().getBindFailure().getMessage());
  }

  @Test
  void drift_isStreamedWhenItAppearsAndWhenItIsResolved() {
    final Observation matching = observation(null, null);
    final Observation drifted = observation(DRIFT, null);
    stream.observed(matching, drifted);
    stream.observed(drifted, drifted);
    stream.observed(drifted, matching);
    assertEquals(List.of("EVENT_CONFIG_DRIFT config drift: " + DRIFT.message(),
        "EVENT_CONFIG_DRIFT config drift resolved: the peers in /etc/raftvip/raftvip.yaml match the members"), seen());
  }
}
