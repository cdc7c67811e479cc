package io.raftvip.liveness;

import java.time.Duration;

/** Asks a peer's kernel whether its Raft port is open. The test seam of {@link LeaderWatch}'s users. */
public interface PortProbe {

  /**
   * Tries one TCP connection and closes it at once.
   *
   * @param hostPort the peer's Raft address, {@code HOST:PORT} or {@code [IPv6]:PORT}
   * @param timeout how long the handshake may take before the peer counts as {@link PortAnswer#SILENT}
   * @return what the attempt showed; never throws
   */
  PortAnswer probe(String hostPort, Duration timeout);
}
