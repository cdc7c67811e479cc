package io.raftvip.admin;

import io.grpc.Status.Code;

/**
 * A change refused because this node is not the leader (any more), naming the leader it knows.
 * FAILED_PRECONDITION for the caller, with the leader's id also in the trailer
 * {@value #LEADER_TRAILER}, so that a member that forwarded the change can retry once toward it
 * without reading the message.
 */
public final class NotLeaderException extends AdminException {

  private static final long serialVersionUID = 1L;
  /** The trailer carrying the leader's id. */
  public static final String LEADER_TRAILER = "raftvip-leader";

  private final String leader;

  /**
   * @param what the refused change, e.g. "add a member"
   * @param leader the leader this node knows; never empty (without a leader the answer is UNAVAILABLE)
   */
  public NotLeaderException(String what, String leader) {
    super(Code.FAILED_PRECONDITION, "cannot " + what + " here: not the leader; leader is " + leader);
    this.leader = leader;
  }

  /** @return the leader's id */
  public String leader() {
    return leader;
  }
}
