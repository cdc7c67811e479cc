package io.raftvip.raft;

import io.raftvip.tls.CertificateNames;
import java.util.Map;
import java.util.Optional;

/**
 * Decides whether a caller on the Raft port may act as the member it claims to be. The rule: its
 * TLS certificate must name that member's Raft address host in a subject alternative name (IP SAN
 * for an address, DNS SAN for a name; see {@link CertificateNames#namesHost}). Requests that name
 * no member (Ratis' client and admin protocols) need a certificate naming some member: the
 * cluster's own certificates, not merely any the CA signed.
 */
final class PeerIdentityRule {

  /** A refusal: what the caller is told and what this node logs. */
  record Refusal(String reason) {
  }

  private final MemberAddresses members;

  PeerIdentityRule(MemberAddresses members) {
    this.members = members;
  }

  /**
   * @param names the caller's certificate
   * @param claimed the member id the request carries
   * @return a refusal, or empty when the certificate names {@code claimed}
   */
  Optional<Refusal> actsAs(CertificateNames names, String claimed) {
    final Optional<String> address = members.addressOf(claimed);
    if (address.isEmpty()) {
      return Optional.of(new Refusal("it claims to be member '" + claimed + "', which is not in this node's"
          + " Raft configuration nor its configured peers " + members.all().keySet()));
    }
    if (names.namesHost(MemberAddresses.host(address.get()))) {
      return Optional.empty();
    }
    return Optional.of(new Refusal("it claims to be member '" + claimed + "' (" + address.get()
        + ") but its certificate (" + names.describe() + ") does not name " + MemberAddresses.host(address.get())
        + "; a member's certificate must carry its Raft address host as a subject alternative name"));
  }

  /**
   * @param names the caller's certificate
   * @return a refusal, or empty when the certificate names some member this node knows
   */
  Optional<Refusal> isSomeMember(CertificateNames names) {
    final Map<String, String> all = members.all();
    for (String address : all.values()) {
      if (names.namesHost(MemberAddresses.host(address))) {
        return Optional.empty();
      }
    }
    return Optional.of(new Refusal("its certificate (" + names.describe() + ") names no member's Raft address"
        + " (members: " + all + "); only members may use Ratis' client and admin protocols"));
  }

  /**
   * For raftvip.peer.v1.Peer/Describe: a node about to be added asks the members before they
   * know it, so an id this node does not know is answered (the answer holds the timing and the
   * member ids only); a known id must be backed by its certificate.
   */
  Optional<Refusal> describes(CertificateNames names, String claimed) {
    return members.addressOf(claimed).isEmpty() ? Optional.empty() : actsAs(names, claimed);
  }
}
