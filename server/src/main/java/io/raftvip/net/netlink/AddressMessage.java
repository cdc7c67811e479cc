package io.raftvip.net.netlink;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An RTM_NEWADDR / RTM_DELADDR message as decoded from the kernel.
 *
 * @param family AF_INET or AF_INET6
 * @param prefixLength the prefix length
 * @param flags IFA_F_* flags (IFA_FLAGS when present, which carries more bits than the header's u8)
 * @param scope RT_SCOPE_*
 * @param ifindex the interface index
 * @param address the local address: IFA_LOCAL when present (IPv4; IFA_ADDRESS is then the peer),
 *                else IFA_ADDRESS
 * @param label IFA_LABEL (IPv4 only), or null
 * @param proto IFA_PROTO, or -1 when absent (kernels before 6.1, or never set)
 * @param preferredLifetime seconds from IFA_CACHEINFO ({@link Rtnl#INFINITY_LIFE_TIME} = forever), -1 absent
 * @param validLifetime seconds from IFA_CACHEINFO, -1 absent
 */
record AddressMessage(int family, int prefixLength, int flags, int scope, int ifindex,
                      InetAddress address, String label, int proto, long preferredLifetime,
                      long validLifetime) {

  /**
   * Decodes the body of an RTM_NEWADDR / RTM_DELADDR message ({@code struct ifaddrmsg} then
   * attributes).
   *
   * @throws IllegalArgumentException when it is too short or carries no address
   */
  static AddressMessage decode(NetlinkMessage msg) {
    var body = msg.body();
    if (body.limit() < Rtnl.IFADDRMSG_LEN) {
      throw new IllegalArgumentException("ifaddrmsg too short: " + body.limit() + " bytes");
    }
    int family = body.get(0) & 0xFF;
    int prefix = body.get(1) & 0xFF;
    int flags = body.get(2) & 0xFF;
    int scope = body.get(3) & 0xFF;
    int ifindex = body.getInt(4);
    NetlinkAttributes attrs = msg.attributes(Rtnl.IFADDRMSG_LEN);
    byte[] raw = attrs.has(Rtnl.IFA_LOCAL) ? attrs.bytes(Rtnl.IFA_LOCAL) : attrs.bytes(Rtnl.IFA_ADDRESS);
    if (raw == null) {
      throw new IllegalArgumentException("address message for ifindex " + ifindex + " has no IFA_ADDRESS/IFA_LOCAL");
    }
    InetAddress address;
    try {
      address = InetAddress.getByAddress(raw);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("address of " + raw.length + " bytes for ifindex " + ifindex, e);
    }
    long preferred = -1;
    long valid = -1;
    var ci = attrs.buffer(Rtnl.IFA_CACHEINFO);
    if (ci != null && ci.remaining() >= 8) {
      preferred = ci.getInt(0) & 0xFFFFFFFFL;
      valid = ci.getInt(4) & 0xFFFFFFFFL;
    }
    return new AddressMessage(family, prefix, (int) attrs.u32(Rtnl.IFA_FLAGS, flags), scope, ifindex,
        address, attrs.string(Rtnl.IFA_LABEL), attrs.u8(Rtnl.IFA_PROTO, -1), preferred, valid);
  }
}
