package io.raftvip.admin;

import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * Mutual TLS for the admin TCP listener and who may make changes through it.
 *
 * @param keyManager presents this node's certificate (the same one Raft uses); may change what it
 *     presents while running, for certificate rotation by reload
 * @param trustManager checks client certificates against the cluster's CA; may change likewise
 * @param trustDescription where the CA comes from, for the log ("client CA /etc/raftvip/tls/ca.crt")
 * @param allow the client identities that may make changes ({@code admin.allow})
 */
public record AdminTls(KeyManager keyManager, TrustManager trustManager, String trustDescription,
                       AllowList allow) {

  public AdminTls {
    Objects.requireNonNull(keyManager, "keyManager");
    Objects.requireNonNull(trustManager, "trustManager");
    Objects.requireNonNull(trustDescription, "trustDescription");
    Objects.requireNonNull(allow, "allow");
  }
}
