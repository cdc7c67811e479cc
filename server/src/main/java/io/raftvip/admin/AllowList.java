package io.raftvip.admin;

import io.raftvip.tls.CertificateNames;
import java.util.List;
import java.util.Optional;

/**
 * {@code admin.allow}: the client identities that may make changes (membership, transfer) over
 * the admin TCP listener. A client is on it when its certificate carries one of the names as its
 * subject CN or a subject alternative name (DNS, IP, URI). Empty means nobody may make changes over
 * TCP: changes are rare and a node's Unix socket is always there for them, so a new listener
 * starts read-only rather than open to every certificate the CA ever signed. Replaced whole by a
 * reload.
 */
public final class AllowList {

  private volatile List<String> names;

  /** @param names the names from {@code admin.allow} */
  public AllowList(List<String> names) {
    this.names = List.copyOf(names);
  }

  /** Takes effect for the next call. */
  public void replace(List<String> next) {
    names = List.copyOf(next);
  }

  /** @return the names now */
  public List<String> names() {
    return names;
  }

  /** @return the first allowed name {@code client} carries, or empty when it carries none */
  public Optional<String> match(CertificateNames client) {
    return names.stream().filter(client::carries).findFirst();
  }
}
