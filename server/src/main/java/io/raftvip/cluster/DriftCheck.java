package io.raftvip.cluster;

import io.raftvip.raft.MemberView;
import java.util.List;

/** Compares this node's configuration file's peers, as they are on disk now, with the members. */
public final class DriftCheck {

  private final PeersFile file;

  public DriftCheck(PeersFile file) {
    this.file = file;
  }

  /** @return the drift, or null when the peers match the members or there are no members yet */
  ConfigDrift check(List<MemberView> members) {
    return ConfigDrift.between(file.file().toString(), file.peers(),
        members.stream().map(MemberView::peer).toList()).orElse(null);
  }
}
