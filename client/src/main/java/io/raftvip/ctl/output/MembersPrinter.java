package io.raftvip.ctl.output;

import io.raftvip.proto.v1.Member;
import io.raftvip.proto.v1.Reachability;
import io.raftvip.proto.v1.Role;
import java.util.List;

/**
 * The member table shown by {@code members}, {@code member add|remove} and {@code status}:
 *
 * <pre>
 * ID        ADDRESS         ROLE      HEALTH                           PRIORITY  REACHABILITY  LAST CONTACT
 * allyrion  10.4.0.10:7420  leader    healthy                          1         reachable     0 ms
 * bettley   10.4.0.11:7420  follower  unhealthy (apiserver: HTTP 503)  0         reachable     21 ms
 * cargyll   10.4.0.12:7420  follower  unknown                          0         unreachable   4500 ms
 * </pre>
 *
 * A last contact of -1 (unknown, e.g. asked a follower) prints as {@code -}. Health is
 * {@code unknown} without health checks and until a member's checks decided.
 */
public final class MembersPrinter {
  /** The table, or {@code no members} when the list is empty. */
  public String render(List<Member> members) {
    if (members.isEmpty()) {
      return "no members\n";
    }
    TablePrinter table =
        new TablePrinter(List.of("ID", "ADDRESS", "ROLE", "HEALTH", "PRIORITY", "REACHABILITY", "LAST CONTACT"));
    for (Member m : members) {
      table.row(m.getId(), m.getAddress(), role(m.getRole()), health(m), Integer.toString(m.getPriority()),
          reachability(m.getReachability()), m.getLastContactMs() < 0 ? "-" : m.getLastContactMs() + " ms");
    }
    return table.render();
  }

  /** A Raft role in lower case ({@code leader}); {@code unknown} for unset or newer values. */
  static String role(Role role) {
    return switch (role) {
      case ROLE_LEADER -> "leader";
      case ROLE_FOLLOWER -> "follower";
      case ROLE_CANDIDATE -> "candidate";
      case ROLE_LISTENER -> "listener";
      default -> "unknown";
    };
  }

  private static String health(Member m) {
    return switch (m.getHealth()) {
      case HEALTH_HEALTHY -> "healthy";
      case HEALTH_UNHEALTHY -> m.getHealthReason().isEmpty() ? "unhealthy" : "unhealthy (" + m.getHealthReason() + ")";
      default -> "unknown";
    };
  }

  private static String reachability(Reachability reachability) {
    return switch (reachability) {
      case REACHABILITY_REACHABLE -> "reachable";
      case REACHABILITY_UNREACHABLE -> "unreachable";
      default -> "unknown";
    };
  }
}
