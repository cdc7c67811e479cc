package io.raftvip.raft;

import io.raftvip.proto.state.v1.Command;
import io.raftvip.proto.state.v1.HealthReport;
import io.raftvip.proto.state.v1.HealthStatus;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * raftvip's replicated state: what every member applied from the Raft log — each member's health
 * and priority, and the note on the last ownership move the leader decided on its own. Read from
 * any thread; written only by the state machine as it applies entries (and rebuilt from the log
 * when the node restarts).
 */
public final class ClusterState {

  private final Map<String, MemberHealth> health = new ConcurrentHashMap<>();
  private final Map<String, Integer> priorities = new ConcurrentHashMap<>();
  private final AtomicReference<OwnerNote> lastNote = new AtomicReference<>();

  /** Applies one committed entry. */
  void apply(Command command) {
    switch (command.getKindCase()) {
      case HEALTH -> {
        final HealthReport r = command.getHealth();
        health.put(r.getNode(), new MemberHealth(status(r.getStatus()), Instant.ofEpochMilli(r.getSinceMs()),
            r.getCheck(), r.getReason()));
      }
      case PRIORITY -> priorities.put(command.getPriority().getNode(), command.getPriority().getPriority());
      case OWNER_NOTE -> {
        final var n = command.getOwnerNote();
        lastNote.set(new OwnerNote(n.getFrom(), n.getTo(), n.getReason(), Instant.ofEpochMilli(n.getAtMs()),
            n.getRequested()));
      }
      default -> { } // an entry of a newer version: nothing this one knows to apply
    }
  }

  private static MemberHealth.Status status(HealthStatus s) {
    return switch (s) {
      case HEALTH_HEALTHY -> MemberHealth.Status.HEALTHY;
      case HEALTH_UNHEALTHY -> MemberHealth.Status.UNHEALTHY;
      default -> MemberHealth.Status.UNKNOWN;
    };
  }

  /** @return the health {@code node} last reported, or {@link MemberHealth#UNREPORTED} */
  public MemberHealth health(String node) {
    return health.getOrDefault(node, MemberHealth.UNREPORTED);
  }

  /** @return {@code node}'s priority, empty when none was recorded */
  public Optional<Integer> priority(String node) {
    return Optional.ofNullable(priorities.get(node));
  }

  /** @return the note on the last ownership move the leader decided on its own, if any */
  public Optional<OwnerNote> lastNote() {
    return Optional.ofNullable(lastNote.get());
  }

  /** @return the command that records {@code node}'s health */
  public static Command healthCommand(String node, MemberHealth h) {
    return Command.newBuilder().setHealth(HealthReport.newBuilder().setNode(node)
        .setStatus(switch (h.status()) {
          case HEALTHY -> HealthStatus.HEALTH_HEALTHY;
          case UNHEALTHY -> HealthStatus.HEALTH_UNHEALTHY;
          case UNKNOWN -> HealthStatus.HEALTH_UNKNOWN;
        })
        .setSinceMs(h.since().toEpochMilli()).setCheck(h.check()).setReason(h.reason())).build();
  }

  /** @return the command that records {@code node}'s priority */
  public static Command priorityCommand(String node, int priority) {
    return Command.newBuilder().setPriority(io.raftvip.proto.state.v1.MemberPriority.newBuilder()
        .setNode(node).setPriority(priority)).build();
  }

  /** @return the command that records why ownership moves */
  public static Command noteCommand(OwnerNote note) {
    return Command.newBuilder().setOwnerNote(io.raftvip.proto.state.v1.OwnerNote.newBuilder()
        .setFrom(note.from()).setTo(note.to()).setReason(note.reason()).setAtMs(note.at().toEpochMilli())
        .setRequested(note.requested())).build();
  }
}
