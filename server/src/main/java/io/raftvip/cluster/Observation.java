package io.raftvip.cluster;

import io.raftvip.raft.MemberView;
import io.raftvip.raft.MemberHealth;
import io.raftvip.raft.OwnerNote;
import java.util.List;
import java.util.Map;

/**
 * The cluster as this node sees it at one instant.
 *
 * @param owner who holds the VIP ("" = nobody, as far as this node can tell)
 * @param ownerSinceMillis wall-clock ms since when {@code owner} has owned it (0 if no owner)
 * @param leader the known Raft leader ("" if none)
 * @param term the current Raft term
 * @param selfLeader this node is the Raft leader
 * @param quorum a leader with a majority exists (leader: valid lease; follower: recent contact)
 * @param members the voting members
 * @param lastFailover the last change of owner, or null
 * @param health each member's replicated health
 * @param note the note on the last ownership move the leader decided on (or was asked for), or null
 * @param drift how this node's configured peers differ from {@code members}, or null
 * @param bindTrouble why this node, the leader, cannot bind its VIPs, or null
 */
public record Observation(String owner, long ownerSinceMillis, String leader, long term,
                          boolean selfLeader, boolean quorum, List<MemberView> members,
                          FailoverRecord lastFailover, Map<String, MemberHealth> health, OwnerNote note,
                          ConfigDrift drift, BindTrouble bindTrouble) {

  static final Observation INITIAL =
      new Observation("", 0, "", 0, false, false, List.of(), null, Map.of(), null, null, null);

  /** @return {@code member}'s replicated health, {@link MemberHealth#UNREPORTED} if none */
  public MemberHealth healthOf(String member) {
    return health.getOrDefault(member, MemberHealth.UNREPORTED);
  }
}
