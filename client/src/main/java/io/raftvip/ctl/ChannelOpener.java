package io.raftvip.ctl;

import io.grpc.ManagedChannel;

/** Opens the channel to the admin API; the seam that lets tests put an in-process server behind the CLI. */
@FunctionalInterface
interface ChannelOpener {
  /**
   * Opens a channel to {@code endpoint}. Connecting is lazy: an unreachable endpoint shows up as
   * UNAVAILABLE on the first call, not here.
   *
   * @throws CtlException (usage) when the endpoint and TLS options do not fit or a file is unreadable
   */
  ManagedChannel open(Endpoint endpoint, TlsFiles tls);
}
