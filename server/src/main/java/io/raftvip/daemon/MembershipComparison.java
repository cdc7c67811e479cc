package io.raftvip.daemon;

import io.raftvip.cluster.ConfigDrift;
import io.raftvip.config.RaftvipConfig;
import io.raftvip.proto.v1.Status;
import io.raftvip.raft.PeerSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * {@code raftvip check}'s comparison of the file's {@code peers} with the Raft membership the
 * daemon running on this host reports: a warning naming the difference (config drift), a note
 * that they match, or a note saying why they could not be compared.
 */
final class MembershipComparison {

  /** Gets the running daemon's status: the test seam. */
  interface StatusSource {
    Status status() throws LocalDaemon.NotAnswering;
  }

  /** One line for stderr: a warning or a note. */
  record Finding(boolean warning, String text) {
    /** @return the line as printed, e.g. "raftvip: warning: config drift: ..." */
    String line() {
      return "raftvip: " + (warning ? "warning: " : "note: ") + text;
    }
  }

  private final RaftvipConfig config;
  private final Path file;

  MembershipComparison(RaftvipConfig config, Path file) {
    this.config = config;
    this.file = file;
  }

  /** @return what the comparison found */
  Finding against(StatusSource daemon) {
    final Status s;
    try {
      s = daemon.status();
    } catch (LocalDaemon.NotAnswering e) {
      return couldNot(e.getMessage());
    }
    if (!s.getCluster().equals(config.cluster()) || !s.getNode().equals(config.node())) {
      return couldNot("the daemon on " + config.admin().socket() + " runs node " + s.getNode() + " of cluster "
          + s.getCluster() + ", while " + file + " configures node " + config.node() + " of cluster " + config.cluster());
    }
    if (s.getMembersCount() == 0) {
      return couldNot("the daemon is not a member yet (it waits to be added with `raftvipctl member add`)");
    }
    final List<PeerSpec> members = s.getMembersList().stream()
        .map(m -> new PeerSpec(m.getId(), m.getAddress(), m.getPriority())).toList();
    final Optional<ConfigDrift> drift = ConfigDrift.between(file.toString(), ConfigPeers.of(config), members);
    return drift.map(d -> new Finding(true, "config drift: " + d.message()))
        .orElseGet(() -> new Finding(false, "the peers match the Raft membership the running daemon reports ("
            + String.join(", ", members.stream().map(PeerSpec::id).toList()) + ")"));
  }

  private static Finding couldNot(String why) {
    return new Finding(false, "could not compare the peers with the Raft membership: " + why);
  }
}
