package io.raftvip.cluster;

import io.raftvip.raft.MemberHealth;
import io.raftvip.proto.v1.Event;
import io.raftvip.proto.v1.EventType;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns changes between observations into admin API events (owner, leader, members, quorum, bind
 * failures, config drift) and hands them to subscribers. Also logs the cluster-level transitions
 * once each.
 */
public final class EventStream implements ObservationListener {

  private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);

  private final String nodeId;
  private final StatusAssembler assembler;
  private final List<Consumer<Event>> subscribers = new CopyOnWriteArrayList<>();

  public EventStream(String nodeId, StatusAssembler assembler) {
    this.nodeId = nodeId;
    this.assembler = assembler;
  }

  /** @return a handle that unsubscribes */
  public AutoCloseable subscribe(Consumer<Event> subscriber) {
    subscribers.add(subscriber);
    return () -> subscribers.remove(subscriber);
  }

  @Override
  public void observed(Observation previous, Observation current) {
    if (!current.leader().equals(previous.leader())) {
      emit(current, EventType.EVENT_LEADER_CHANGED, "leader is now "
          + (current.leader().isEmpty() ? "unknown" : current.leader()) + " (term " + current.term() + ")");
    }
    if (current.note() != null && !current.note().equals(previous.note()) && previous != Observation.INITIAL) {
      emit(current, EventType.EVENT_OWNER_MOVING, current.note().reason() + " -> " + current.note().to());
    }
    if (!current.owner().equals(previous.owner())) {
      final String text = current.owner().isEmpty()
          ? "no owner (was " + orNone(previous.owner()) + ")"
          : "owner is now " + current.owner() + " (was " + orNone(previous.owner()) + ")";
      emit(current, EventType.EVENT_OWNER_CHANGED, text);
    }
    if (previous != Observation.INITIAL) {
      for (var m : current.members()) {
        final String id = m.peer().id();
        final MemberHealth before = previous.healthOf(id);
        final MemberHealth after = current.healthOf(id);
        if (!after.sameAs(before)) {
          emit(current, EventType.EVENT_HEALTH_CHANGED, id + " health " + before.status() + " -> " + after.describe());
        }
      }
    }
    if (previous != Observation.INITIAL && current.quorum() != previous.quorum()) {
      if (current.quorum()) {
        LOG.info("{}: quorum regained (term {})", nodeId, current.term());
        emit(current, EventType.EVENT_QUORUM_REGAINED, "quorum regained");
      } else {
        LOG.warn("{}: QUORUM LOST: no majority reachable; no node owns the VIP until one is back", nodeId);
        emit(current, EventType.EVENT_QUORUM_LOST, "quorum lost: no node owns the VIP");
      }
    }
    if (current.bindTrouble() != null && (previous.bindTrouble() == null
        || !previous.bindTrouble().failure().message().equals(current.bindTrouble().failure().message()))) {
      // The controller logs the failure itself (once, then a summary a minute).
      emit(current, EventType.EVENT_BIND_FAILED, current.bindTrouble().failure().message());
    }
    drift(previous, current);
    final Set<String> before = ids(previous);
    final Set<String> after = ids(current);
    if (previous != Observation.INITIAL && !before.isEmpty()) {
      for (String id : after) {
        if (!before.contains(id)) {
          emit(current, EventType.EVENT_MEMBER_JOINED, "member " + id + " joined");
        }
      }
      for (String id : before) {
        if (!after.contains(id)) {
          emit(current, EventType.EVENT_MEMBER_LEFT, "member " + id + " left");
        }
      }
    }
  }

  /** Logs and streams the drift when it appears, changes or goes away. */
  private void drift(Observation previous, Observation current) {
    final String before = previous.drift() == null ? null : previous.drift().message();
    final String after = current.drift() == null ? null : current.drift().message();
    if (Objects.equals(before, after)) {
      return;
    }
    if (after != null) {
      LOG.warn("{}: config drift: {}", nodeId, after);
      emit(current, EventType.EVENT_CONFIG_DRIFT, "config drift: " + after);
    } else if (!current.members().isEmpty()) { // no members: nothing to compare with, nothing resolved
      final String file = previous.drift().configFile();
      LOG.info("{}: config drift resolved: the peers in {} match the members", nodeId, file);
      emit(current, EventType.EVENT_CONFIG_DRIFT, "config drift resolved: the peers in " + file + " match the members");
    }
  }

  /** Sends an event that is not a change between observations (e.g. a configuration reload). */
  public void announce(Observation current, EventType type, String message) {
    emit(current, type, message);
  }

  private static String orNone(String s) {
    return s.isEmpty() ? "none" : s;
  }

  private static Set<String> ids(Observation o) {
    final Set<String> ids = new HashSet<>();
    o.members().forEach(m -> ids.add(m.peer().id()));
    return ids;
  }

  private void emit(Observation o, EventType type, String message) {
    if (subscribers.isEmpty()) {
      return;
    }
    final long now = System.currentTimeMillis();
    final Event event = Event.newBuilder()
        .setAt(com.google.protobuf.Timestamp.newBuilder().setSeconds(now / 1000)
            .setNanos((int) (now % 1000) * 1_000_000))
        .setType(type).setMessage(message).setStatus(assembler.status(o)).build();
    subscribers.forEach(s -> s.accept(event));
  }
}
