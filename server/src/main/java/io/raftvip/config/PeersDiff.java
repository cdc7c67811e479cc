package io.raftvip.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The differences between two {@code peers} lists, by member id, as {@link ConfigDiff} changes:
 * an entry added or removed, an address or a priority changed. This node's own address is called
 * out: it is where its Raft server listens.
 */
final class PeersDiff {

  private final List<PeerConfig> before;
  private final List<PeerConfig> after;
  private final String self;

  PeersDiff(List<PeerConfig> before, List<PeerConfig> after, String self) {
    this.before = before;
    this.after = after;
    this.self = self;
  }

  List<ConfigDiff.Change> changes() {
    final List<ConfigDiff.Change> out = new ArrayList<>();
    for (int i = 0; i < after.size(); i++) {
      final PeerConfig now = after.get(i);
      final String key = "peers[" + i + "]";
      final Optional<PeerConfig> was = find(before, now.id());
      if (was.isEmpty()) {
        out.add(new ConfigDiff.Change(key, "member " + now.id() + " at " + now.address() + " added", false));
        continue;
      }
      if (!was.get().address().equals(now.address())) {
        out.add(new ConfigDiff.Change(key + ".address", was.get().address() + " -> " + now.address()
            + (now.id().equals(self) ? ", this node's Raft address" : ""), false));
      }
      if (was.get().priority() != now.priority()) {
        out.add(new ConfigDiff.Change(key + ".priority", was.get().priority() + " -> " + now.priority(), false));
      }
    }
    for (PeerConfig old : before) {
      if (find(after, old.id()).isEmpty()) {
        out.add(new ConfigDiff.Change("peers", "member " + old.id() + " at " + old.address() + " removed", false));
      }
    }
    return out;
  }

  private static Optional<PeerConfig> find(List<PeerConfig> peers, String id) {
    return peers.stream().filter(p -> p.id().equals(id)).findFirst();
  }
}
