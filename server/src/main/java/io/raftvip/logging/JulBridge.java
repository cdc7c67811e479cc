package io.raftvip.logging;

import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Routes {@code java.util.logging} into SLF4J/Logback. gRPC and Ratis' shaded gRPC log through
 * JUL; without this their records bypass Logback's format, level settings and the journal
 * priority prefix, and reach stderr as two-line entries of their own.
 */
public final class JulBridge {

  private JulBridge() {
  }

  /** Replaces JUL's console handler with the bridge; calling it again changes nothing. */
  public static synchronized void install() {
    if (!SLF4JBridgeHandler.isInstalled()) {
      SLF4JBridgeHandler.removeHandlersForRootLogger();
      SLF4JBridgeHandler.install();
    }
  }
}
