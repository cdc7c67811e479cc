package io.raftvip.raft;

import io.raftvip.tls.NodeTls;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * Mutual TLS between Raft peers: the key manager presenting this node's certificate (it must name
 * the node's Raft address, see {@link PeerIdentityRule}) and the trust manager holding the CA that
 * signed every member. Both may change what they hold while Raft runs ({@link NodeTls#install}),
 * which is how a reload rotates certificates without restarting Ratis.
 *
 * @param keyManager presents this node's certificate, as server and as client
 * @param trustManager checks the peers' certificates against the cluster's CA
 */
public record RaftTls(KeyManager keyManager, TrustManager trustManager) {

  /** @return the Raft TLS of a node whose TLS material {@code tls} holds */
  public static RaftTls of(NodeTls tls) {
    return new RaftTls(tls.keyManager(), tls.trustManager());
  }
}
