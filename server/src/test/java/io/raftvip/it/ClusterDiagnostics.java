package io.raftvip.it;

import com.google.common.util.concurrent.ListenableFuture;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.raftvip.proto.v1.AdminGrpc;
import io.raftvip.proto.v1.GetStatusRequest;
import io.raftvip.proto.v1.Status;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * What a lab's cluster looked like, for failure messages, the same in every IT: who holds the VIP
 * per the address watchers and the recent binds and releases, what the client heard last, which
 * daemons run or exited (with exit codes), each running node's own view from its admin API, and
 * the end of every daemon's log. Times are relative to a reference, usually the start of the wait
 * that failed.
 *
 * <p>Never hangs: each node gets {@value #STATUS_MS} ms to answer GetStatus (asked in parallel);
 * a frozen or busy node is reported as not answering.
 */
final class ClusterDiagnostics {

  static final int STATUS_MS = 1000;
  private static final int TIMELINE_CHANGES = 20;
  private static final int LOG_LINES = 60;

  private final ClusterLab lab;

  ClusterDiagnostics(ClusterLab lab) {
    this.lab = lab;
  }

  /**
   * @param reference  what {@code sinceNanos} is, e.g. "the start of the wait"
   * @param sinceNanos the System.nanoTime every time in the report is relative to
   * @return the report, with the recent VIP changes only
   */
  String report(String reference, long sinceNanos) {
    return report(reference, sinceNanos, TIMELINE_CHANGES);
  }

  /** @param changes how many of the latest VIP changes to list (Integer.MAX_VALUE: all) */
  String report(String reference, long sinceNanos, int changes) {
    final StringBuilder b = new StringBuilder();
    b.append("\n===== cluster lab ").append(lab.dir).append(": times relative to ").append(reference)
        .append(", now ").append(relative(System.nanoTime(), sinceNanos)).append(" =====\n");
    lab.timelines().forEach((vip, timeline) -> {
      b.append("VIP ").append(vip).append(" holders per address watchers: ").append(timeline.holders()).append('\n');
      timeline(b, timeline, sinceNanos, changes);
      final ClientProbe.Answer last = lab.probe(vip).lastAnswer();
      b.append("client probe of ").append(vip).append(": ").append(last == null ? "no answer ever"
          : "last answer from " + last.node() + " at " + relative(last.nanos(), sinceNanos)).append('\n');
    });
    b.append("daemons:\n");
    for (String id : lab.ids()) {
      b.append("  ").append(id).append(": ").append(lab.daemon(id).state(sinceNanos)).append('\n');
    }
    b.append("node views (admin API GetStatus, ").append(STATUS_MS).append(" ms each):\n");
    views().forEach((id, view) -> b.append("  ").append(id).append(": ").append(view).append('\n'));
    for (String id : lab.ids()) {
      final List<String> tail = lab.daemon(id).tail(LOG_LINES);
      b.append("----- ").append(id).append(": ").append(lab.daemon(id).log()).append(", last ").append(tail.size())
          .append(" lines\n");
      tail.forEach(line -> b.append(line).append('\n'));
    }
    return b.append("===== end of cluster lab state =====").toString();
  }

  /** Lists the latest VIP changes; an add to a node that already holds it is a lifetime renewal. */
  private static void timeline(StringBuilder b, AddressTimeline timeline, long sinceNanos, int max) {
    final List<AddressTimeline.Change> all = timeline.changes();
    final int first = Math.max(0, all.size() - max);
    b.append("VIP binds and releases (").append(first > 0 ? "last " + (all.size() - first) + " of " : "all ")
        .append(all.size()).append("):").append(all.isEmpty() ? " none" : "").append('\n');
    final Set<String> holding = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      final AddressTimeline.Change c = all.get(i);
      final String what = !c.added() ? "released" : holding.contains(c.node()) ? "renewed (already held)" : "bound";
      if (c.added()) {
        holding.add(c.node());
      } else {
        holding.remove(c.node());
      }
      if (i >= first) {
        b.append(String.format("  %12s  %s %s%n", relative(c.nanos(), sinceNanos), c.node(), what));
      }
    }
  }

  /** Asks every running node for its status at once; each answer or failure within STATUS_MS. */
  private Map<String, String> views() {
    final Map<String, String> views = new LinkedHashMap<>();
    final Map<String, ListenableFuture<Status>> asked = new LinkedHashMap<>();
    final List<ManagedChannel> channels = new ArrayList<>();
    try {
      for (String id : lab.ids()) {
        if (!lab.daemon(id).running()) {
          views.put(id, "not running");
          continue;
        }
        final ManagedChannel channel = Grpc.newChannelBuilder("unix://" + lab.adminSocket(id),
            InsecureChannelCredentials.create()).build();
        channels.add(channel);
        asked.put(id, AdminGrpc.newFutureStub(channel).withDeadlineAfter(STATUS_MS, TimeUnit.MILLISECONDS)
            .getStatus(GetStatusRequest.getDefaultInstance()));
        views.put(id, "");
      }
      asked.forEach((id, future) -> views.put(id, view(future)));
    } finally {
      channels.forEach(ManagedChannel::shutdownNow);
    }
    return views;
  }

  private static String view(ListenableFuture<Status> future) {
    try {
      return describe(future.get(STATUS_MS + 1000L, TimeUnit.MILLISECONDS));
    } catch (ExecutionException e) {
      return "no answer: " + e.getCause();
    } catch (java.util.concurrent.TimeoutException e) {
      future.cancel(true);
      return "no answer within " + STATUS_MS + " ms";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted while asking";
    }
  }

  private static String describe(Status s) {
    final String members = s.getMembersList().stream()
        .map(m -> m.getId() + " " + shortName(m.getRole().name()) + "/" + shortName(m.getReachability().name())
            + (m.getLastContactMs() >= 0 ? " " + m.getLastContactMs() + "ms" : "")
            + (s.getHealthGating() ? " " + shortName(m.getHealth().name())
                + (m.getHealthReason().isEmpty() ? "" : " (" + m.getHealthReason() + ")") : ""))
        .collect(Collectors.joining(", "));
    final String vips = s.getVipsList().stream()
        .map(v -> v.getAddress() + (v.getBoundHere() ? " bound here" : " not here"))
        .collect(Collectors.joining(", "));
    return "role " + shortName(s.getRole().name()) + ", leader '" + s.getLeader() + "', term " + s.getTerm()
        + ", owner '" + s.getOwner() + "', quorum " + shortName(s.getQuorum().name()) + "; vips [" + vips
        + "]; members [" + members + "]"
        + (s.getOwnerReason().isEmpty() ? "" : "; owner because: " + s.getOwnerReason());
  }

  /** ROLE_LEADER → LEADER, REACHABILITY_REACHABLE → REACHABLE. */
  private static String shortName(String enumName) {
    final int underscore = enumName.indexOf('_');
    return underscore < 0 ? enumName : enumName.substring(underscore + 1);
  }

  /** @return e.g. "+1234 ms" or "-52 ms": {@code nanos} relative to {@code sinceNanos} */
  static String relative(long nanos, long sinceNanos) {
    final long ms = (nanos - sinceNanos) / 1_000_000;
    return (ms >= 0 ? "+" : "") + ms + " ms";
  }
}
