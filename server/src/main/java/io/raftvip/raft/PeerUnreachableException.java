package io.raftvip.raft;

/**
 * A forwarded change got no answer from the member it was sent to: the connection failed (refused,
 * no route, TLS rejected) or the answer did not come in time. The change may or may not have been
 * carried out in the second case.
 */
public final class PeerUnreachableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String address;
  private final boolean timedOut;

  /**
   * @param address the member's Raft address
   * @param reason what failed, e.g. "connection refused"
   * @param timedOut whether the call was sent and no answer came before the deadline
   */
  public PeerUnreachableException(String address, String reason, boolean timedOut) {
    super(reason);
    this.address = address;
    this.timedOut = timedOut;
  }

  /** @return the Raft address that did not answer */
  public String address() {
    return address;
  }

  /** @return true when the deadline passed without an answer (the change may still take effect) */
  public boolean timedOut() {
    return timedOut;
  }
}
