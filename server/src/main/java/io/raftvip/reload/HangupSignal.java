package io.raftvip.reload;

import jnr.ffi.LibraryLoader;
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
      // The JVM leaves a signal that was ignored when it started (nohup, some service managers and
      // test runners) ignored, and tells us so. SIGHUP is this daemon's reload signal by contract,
      // and handling it never stops the process, which is all that ignoring it was for: take it.
      if (takeIgnored(onHangup)) {
        LOG.info("{}: SIGHUP was ignored when raftvip started (nohup?); raftvip handles it anyway:"
            + " it reloads the configuration", nodeId);
        return true;
      }
      LOG.warn("{}: SIGHUP is ignored in this process (started under nohup?); reload by signal is"
          + " unavailable, restart to apply changes", nodeId);
      return false;
    }
    return true;
  }

  /**
   * Sets SIGHUP back to its default through libc, then asks the JVM again (it checks the current
   * disposition). A SIGHUP in the microseconds between the two would stop the process, as it
   * would have without nohup: only at start-up, before the daemon holds anything.
   */
  private static boolean takeIgnored(Runnable onHangup) {
    try {
      final SignalDispositionLibC libc = LibraryLoader.create(SignalDispositionLibC.class).load("c");
      if (libc.signal(SignalDispositionLibC.SIGHUP, SignalDispositionLibC.SIG_DFL) == -1) {
        return false;
      }
      return Signal.handle(new Signal("HUP"), signal -> onHangup.run()) != SignalHandler.SIG_IGN;
    } catch (RuntimeException | LinkageError e) {
      LOG.debug("cannot reset SIGHUP's disposition", e);
      return false;
    }
  }
}
