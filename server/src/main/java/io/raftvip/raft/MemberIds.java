package io.raftvip.raft;

import java.util.Optional;

/** Member ids raftvip keeps for itself: the config and the admin API refuse them for real members. */
public final class MemberIds {

  /** The failover rehearsal's throwaway members are {@code rehearsal-1..3}. */
  public static final String RESERVED_PREFIX = "rehearsal-";

  private MemberIds() {
  }

  /** @return why {@code id} cannot name a real member, or empty when it can (pattern checked elsewhere) */
  public static Optional<String> reservedProblem(String id) {
    return id.startsWith(RESERVED_PREFIX)
        ? Optional.of("must not start with '" + RESERVED_PREFIX + "': raftvip's failover rehearsal uses such ids "
            + "for its throwaway local Raft group")
        : Optional.empty();
  }
}
