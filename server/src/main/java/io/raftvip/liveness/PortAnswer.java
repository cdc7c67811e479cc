package io.raftvip.liveness;

/** What a TCP connection attempt to a peer's Raft port said about the peer. */
public enum PortAnswer {
  /** The handshake completed: the node's kernel is up and the port is open, so the process exists (it may be stalled). */
  ACCEPTED,
  /** The connection was refused: the node is up but nothing listens, so the process is gone. */
  REFUSED,
  /** No answer within the timeout, or no route: the node is down or cut off from this one. */
  SILENT;

  /** @return true when the answer shows that the peer's process cannot be running */
  public boolean gone() {
    return this != ACCEPTED;
  }
}
