/**
 * This node's TLS material and what a certificate says about its holder. The PEM files of
 * {@code admin.tls} are read here ({@link io.raftvip.tls.TlsMaterial}) into key and trust managers
 * that can be swapped while running ({@link io.raftvip.tls.NodeTls}): Raft (server and client
 * side), the admin TCP listener and the member-to-member calls all hold the same two managers, so
 * a reload that installs new files changes every new handshake at once without restarting Ratis.
 *
 * <p>{@link io.raftvip.tls.CertificateNames} reads the names a certificate carries (subject CN,
 * subject alternative names); the rule "a member's certificate names its Raft address" and the
 * admin allow-list are built on it. {@link io.raftvip.tls.OwnCertificateCheck} tells an operator
 * when this node's own certificate would be refused by the others.
 */
package io.raftvip.tls;
