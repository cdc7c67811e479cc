package io.raftvip.raft;

import java.nio.file.Path;

/**
 * PEM files for mutual TLS between Raft peers.
 *
 * @param cert this node's certificate chain (SAN must match its Raft address)
 * @param key its private key (PKCS#8)
 * @param ca the CA that signed every member's certificate
 */
public record RaftTls(Path cert, Path key, Path ca) {
}
