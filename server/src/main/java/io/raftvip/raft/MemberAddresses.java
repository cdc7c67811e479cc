package io.raftvip.raft;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.ratis.protocol.RaftPeer;
import org.apache.ratis.server.RaftConfiguration;

/**
 * Where each member's Raft server listens, as far as this node knows: the current Raft
 * configuration (and the previous one while a membership change is under way) rules; the
 * configured {@code peers} fill in members the configuration does not list yet, such as the
 * leader of a cluster this node is about to be added to (its own configuration is empty until the
 * leader's first entries arrive).
 */
final class MemberAddresses {

  private final Map<String, String> configured = new LinkedHashMap<>();
  private final Supplier<RaftConfiguration> raftConf;

  /**
   * @param configured the configured peers
   * @param raftConf the running configuration, or null before the Raft server runs
   */
  MemberAddresses(List<PeerSpec> configured, Supplier<RaftConfiguration> raftConf) {
    configured.forEach(p -> this.configured.put(p.id(), p.address()));
    this.raftConf = raftConf;
  }

  /** @return the Raft address HOST:PORT of member {@code id}, if this node knows it */
  Optional<String> addressOf(String id) {
    final RaftConfiguration conf = raftConf.get();
    if (conf != null) {
      for (RaftPeer p : peers(conf)) {
        if (p.getId().toString().equals(id)) {
          return Optional.of(p.getAddress());
        }
      }
    }
    return Optional.ofNullable(configured.get(id));
  }

  /** @return every member this node knows, id to address, the Raft configuration's first */
  Map<String, String> all() {
    final Map<String, String> all = new LinkedHashMap<>();
    final RaftConfiguration conf = raftConf.get();
    if (conf != null) {
      peers(conf).forEach(p -> all.putIfAbsent(p.getId().toString(), p.getAddress()));
    }
    configured.forEach(all::putIfAbsent);
    return all;
  }

  private static List<RaftPeer> peers(RaftConfiguration conf) {
    final List<RaftPeer> peers = new ArrayList<>(conf.getCurrentPeers());
    peers.addAll(conf.getPreviousPeers());
    return peers;
  }

  /** @return the host part of HOST:PORT or [IPv6]:PORT, brackets removed */
  static String host(String address) {
    final int colon = address.lastIndexOf(':');
    final String host = colon < 0 ? address : address.substring(0, colon);
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
