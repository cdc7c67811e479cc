package io.raftvip.vip;

/**
 * Where a node stands with respect to its VIPs.
 *
 * <pre>
 *   FOLLOWER ──(Raft leader)──▶ LEADER_PENDING ──(ready + lease)──▶ OWNER
 *      ▲                             │                                 │
 *      │                             │ (leadership lost)               │ (leader, ready or lease lost;
 *      └─────────────────────────────┴──────── RELEASING ◀─────────────┘  hand-over; stop)
 * </pre>
 * RELEASING lasts until every VIP is gone from the kernel; a failed removal is retried.
 */
public enum OwnershipState {
  /** Not leader: keeps the VIPs absent. */
  FOLLOWER,
  /** Leader, but not yet ready or without a valid lease: does not bind yet. */
  LEADER_PENDING,
  /** Holds and announces the VIPs. */
  OWNER,
  /** Removing the VIPs after ownership ended. */
  RELEASING
}
