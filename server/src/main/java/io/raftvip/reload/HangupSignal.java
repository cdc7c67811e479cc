package io.raftvip.reload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGHUP into a reload request. Without it the JVM treats SIGHUP like SIGTERM and stops.
 * The handler only hands the request on ({@link ConfigReloader#request} queues the work on the
 * reloader's own thread): it runs on the JVM's signal thread, which must not block.
 */
public final class HangupSignal {

  private static final Logger LOG = LoggerFactory.getLogger(HangupSignal.class);

  private HangupSignal() {}

  /**
   * @param nodeId for the log
   * @param onHangup what to do on SIGHUP; must return at once
   * @return whether the handler is in place (false when this process ignores SIGHUP, e.g. started
   *     under nohup: then a reload signal does nothing and the log says so)
   */
  public static boolean install(String nodeId, Runnable onHangup) {
    final SignalHandler previous;
    try {
      previous = Signal.handle(new Signal("HUP"), signal -> onHangup.run());
    } catch (IllegalArgumentException e) {
      LOG.warn("{}: cannot handle SIGHUP ({}); reload by signal is unavailable, restart to apply changes",
          nodeId, e.getMessage());
      return false;
    }
    if (previous == SignalHandler.SIG_IGN) {
      // The JVM leaves a signal that was ignored when it started ignored, and tells us so.
      LOG.warn("{}: SIGHUP is ignored in this process (started under nohup?); reload by signal is"
          + " unavailable, restart to apply changes", nodeId);
      return false;
    }
    return true;
  }
}
