package io.raftvip.tls;

import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * This node's TLS identity and trust as every TLS user in the daemon holds it: one key manager
 * and one trust manager, handed to Ratis (server and client channels), the admin TCP listener and
 * the member-to-member client at start. {@link #install} replaces what they present and trust
 * for every handshake that follows; open connections are not disturbed.
 *
 * <pre>
 *   read(files) ──▶ TlsMaterial ──install──▶ key manager ─┬─▶ Raft server + channels
 *                                            trust manager ┴─▶ admin TCP, peer client
 * </pre>
 */
public final class NodeTls {

  private final AtomicInteger generation = new AtomicInteger();
  private final SwappableKeyManager keyManager;
  private final SwappableTrustManager trustManager;
  private volatile TlsMaterial current;

  private NodeTls(TlsMaterial initial) {
    this.current = initial;
    this.keyManager = new SwappableKeyManager(initial.keyManager(alias()));
    this.trustManager = new SwappableTrustManager(initial.trustManager());
  }

  /** @return managers presenting and trusting {@code material} until the next {@link #install} */
  public static NodeTls of(TlsMaterial material) {
    return new NodeTls(material);
  }

  /**
   * Makes every later handshake, on every server and channel built with these managers, present
   * {@code next}'s certificate and check peers against {@code next}'s CA bundle.
   */
  public synchronized void install(TlsMaterial next) {
    // Build both before swapping either, so no handshake sees one half of the change.
    final var keys = next.keyManager(alias());
    final var trust = next.trustManager();
    keyManager.swap(keys);
    trustManager.swap(trust);
    current = next;
  }

  /** @return what the managers present and trust now */
  public TlsMaterial current() {
    return current;
  }

  /** @return the key manager to build servers and channels with */
  public KeyManager keyManager() {
    return keyManager;
  }

  /** @return the trust manager to build servers and channels with */
  public TrustManager trustManager() {
    return trustManager;
  }

  private String alias() {
    return "raftvip-" + generation.incrementAndGet();
  }
}
