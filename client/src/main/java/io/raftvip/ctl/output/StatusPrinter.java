package io.raftvip.ctl.output;

import io.raftvip.proto.v1.BindFailure;
import io.raftvip.proto.v1.Failover;
import io.raftvip.proto.v1.ReloadResult;
import io.raftvip.proto.v1.Status;
import io.raftvip.proto.v1.VipState;
import java.util.List;

/**
 * The human form of {@code status}: a summary, the VIP table, the member table.
 *
 * <pre>
 * cluster:        goldentooth-cp
 * node:           allyrion (leader)
 * owner:          allyrion (since 2025-01-02T03:04:05Z)
 * because:        moved from bettley: owner unhealthy (apiserver: HTTP 503); allyrion is healthy
 * term:           7
 * leader:         allyrion
 * quorum:         ok
 * last failover:  2025-01-02T03:04:05Z bettley -> allyrion (unowned for 212 ms)
 * bind failing:   since 2025-01-02T03:04:05Z (61 attempts): cannot bind 10.4.0.9 on end0: ...
 * config drift:   peers in /etc/raftvip/raftvip.yaml lack cargyll (10.4.0.12:7420), a member; ...
 * last reload:    2025-01-02T04:00:00Z REFUSED: the file is invalid, nothing was changed: ...
 *
 * VIP       INTERFACE  BOUND HERE
 * 10.4.0.9  end0       yes
 *
 * ID ... (see {@link MembersPrinter})
 * </pre>
 *
 * A lost quorum and a missing owner are spelled out, because that is when an operator looks. The
 * last lines appear only when there is something to say: the leader cannot bind the VIP (the
 * cause and the fix), the node's configured peers differ from the members, or the node has
 * reloaded its configuration.
 */
public final class StatusPrinter {
  private final MembersPrinter members = new MembersPrinter();

  /** The whole status as text, ending in a newline. */
  public String render(Status s) {
    StringBuilder text = new StringBuilder();
    field(text, "cluster", s.getCluster());
    field(text, "node", s.getNode() + " (" + MembersPrinter.role(s.getRole()) + ")");
    field(text, "owner", owner(s));
    if (!s.getOwnerReason().isEmpty()) {
      field(text, "because", s.getOwnerReason());
    }
    field(text, "term", Long.toString(s.getTerm()));
    field(text, "leader", s.getLeader().isEmpty() ? "unknown" : s.getLeader());
    field(text, "quorum", quorum(s));
    field(text, "last failover", s.hasLastFailover() ? failover(s.getLastFailover()) : "none observed");
    if (s.hasBindFailure()) {
      field(text, "bind failing", bindFailure(s.getBindFailure()));
    }
    if (s.hasConfigDrift()) {
      field(text, "config drift", s.getConfigDrift().getMessage());
    }
    if (s.getLastReloadResult() != ReloadResult.RELOAD_RESULT_UNSPECIFIED) {
      field(text, "last reload", reload(s));
    }
    text.append('\n').append(vips(s.getVipsList()));
    text.append('\n').append(members.render(s.getMembersList()));
    return text.toString();
  }

  private static void field(StringBuilder text, String name, String value) {
    text.append(String.format("%-16s%s", name + ":", value)).append('\n');
  }

  private static String owner(Status s) {
    if (s.getOwner().isEmpty() && s.hasBindFailure()) {
      return "none (this node leads but cannot bind the VIP: see 'bind failing')";
    }
    if (s.getOwner().isEmpty()) {
      return "none (no node holds the VIP)";
    }
    return s.getOwner() + (s.hasOwnerSince() ? " (since " + TimeText.instant(s.getOwnerSince()) + ")" : "");
  }

  private static String quorum(Status s) {
    return switch (s.getQuorum()) {
      case QUORUM_OK -> "ok";
      case QUORUM_LOST -> "LOST (no node may own the VIP until a majority is back)";
      default -> "unknown";
    };
  }

  private static String failover(Failover f) {
    String from = f.getFrom().isEmpty() ? "none" : f.getFrom();
    String to = f.getTo().isEmpty() ? "none" : f.getTo();
    String unowned = f.hasUnowned() ? " (unowned for " + TimeText.millis(f.getUnowned()) + ")" : "";
    return TimeText.instant(f.getAt()) + " " + from + " -> " + to + unowned;
  }

  private static String bindFailure(BindFailure f) {
    String since = f.hasSince() ? "since " + TimeText.instant(f.getSince()) + " " : "";
    return since + "(" + f.getAttempts() + (f.getAttempts() == 1 ? " attempt" : " attempts") + "): " + f.getMessage();
  }

  /** A refused or partial reload is spelled out in capitals: the running configuration is not the file. */
  private static String reload(Status s) {
    final String at = s.hasLastReloadAt() ? TimeText.instant(s.getLastReloadAt()) + " " : "";
    return at + switch (s.getLastReloadResult()) {
      case RELOAD_APPLIED -> "applied";
      case RELOAD_PARTIAL -> "PARTIAL";
      case RELOAD_REFUSED -> "REFUSED";
      default -> "unknown";
    } + (s.getLastReloadMessage().isEmpty() ? "" : ": " + s.getLastReloadMessage());
  }

  private static String vips(List<VipState> vips) {
    if (vips.isEmpty()) {
      return "no VIPs configured\n";
    }
    TablePrinter table = new TablePrinter(List.of("VIP", "INTERFACE", "BOUND HERE"));
    vips.forEach(v -> table.row(v.getAddress(), v.getInterface(), v.getBoundHere() ? "yes" : "no"));
    return table.render();
  }
}
