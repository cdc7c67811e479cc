package io.raftvip.raft;

import java.time.Instant;

/**
 * A member's health as its own checks judged it, as replicated through Raft.
 *
 * @param status UNKNOWN (no result yet, or no checks), HEALTHY or UNHEALTHY
 * @param since when the member's checks reached this status
 * @param check for UNHEALTHY, the failing check's name; else empty
 * @param reason for UNHEALTHY, why it failed (e.g. "HTTP 503"); else empty
 */
public record MemberHealth(Status status, Instant since, String check, String reason) {

  /** The three states of a member's health. */
  public enum Status { UNKNOWN, HEALTHY, UNHEALTHY }

  /** What is known about a member that never reported. */
  public static final MemberHealth UNREPORTED = new MemberHealth(Status.UNKNOWN, Instant.EPOCH, "", "");

  /** @return e.g. "HEALTHY", "UNHEALTHY (apiserver: HTTP 503)" */
  public String describe() {
    return status == Status.UNHEALTHY && !check.isEmpty() ? status + " (" + check + ": " + reason + ")"
        : status.toString();
  }

  /** @return whether {@code other} says the same (ignoring when) */
  public boolean sameAs(MemberHealth other) {
    return status == other.status && check.equals(other.check) && reason.equals(other.reason);
  }
}
