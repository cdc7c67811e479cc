package io.raftvip.net.netlink;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Encodes the rtnetlink address requests raftvip sends. Pure functions over byte arrays. */
final class AddressRequests {

  private static final int RT_SCOPE_UNIVERSE = 0;

  private AddressRequests() {
  }

  /**
   * RTM_NEWADDR, idempotent ({@code NLM_F_CREATE|NLM_F_REPLACE}: an existing address is updated).
   *
   * @param ifaFlags IFA_F_* flags (IFA_FLAGS attribute, omitted when 0)
   * @param label IFA_LABEL (IPv4 only), or null
   * @param proto IFA_PROTO value, or -1 to omit it
   * @param preferred preferred lifetime in seconds ({@link Rtnl#INFINITY_LIFE_TIME} = forever)
   * @param valid valid lifetime in seconds ({@link Rtnl#INFINITY_LIFE_TIME} = forever)
   */
  static byte[] add(int seq, InetAddress address, int prefixLength, int ifindex, int ifaFlags,
                    String label, int proto, long preferred, long valid) {
    NetlinkMessageWriter w = header(Rtnl.RTM_NEWADDR,
        Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK | Rtnl.NLM_F_CREATE | Rtnl.NLM_F_REPLACE,
        seq, address, prefixLength, ifaFlags & 0xFF, ifindex);
    w.attr(Rtnl.IFA_LOCAL, address.getAddress());
    w.attr(Rtnl.IFA_ADDRESS, address.getAddress());
    if (label != null) {
      w.attrString(Rtnl.IFA_LABEL, label);
    }
    if (ifaFlags != 0) {
      w.attrU32(Rtnl.IFA_FLAGS, ifaFlags);
    }
    byte[] cacheinfo = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder())
        .putInt((int) preferred).putInt((int) valid).putInt(0).putInt(0).array();
    w.attr(Rtnl.IFA_CACHEINFO, cacheinfo);
    if (proto >= 0) {
      w.attrU8(Rtnl.IFA_PROTO, proto);
    }
    return w.build();
  }

  /** RTM_DELADDR for exactly this address and prefix length on this interface. */
  static byte[] delete(int seq, InetAddress address, int prefixLength, int ifindex) {
    return header(Rtnl.RTM_DELADDR, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK, seq, address, prefixLength, 0, ifindex)
        .attr(Rtnl.IFA_LOCAL, address.getAddress())
        .attr(Rtnl.IFA_ADDRESS, address.getAddress())
        .build();
  }

  /** RTM_GETADDR dump of every address of both families on every interface. */
  static byte[] dump(int seq) {
    return new NetlinkMessageWriter(Rtnl.RTM_GETADDR, Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_DUMP, seq)
        .u8(Rtnl.AF_UNSPEC).u8(0).u8(0).u8(0).u32(0)
        .build();
  }

  private static NetlinkMessageWriter header(int type, int flags, int seq, InetAddress address,
                                             int prefixLength, int headerFlags, int ifindex) {
    int family = address instanceof Inet4Address ? Rtnl.AF_INET : Rtnl.AF_INET6;
    return new NetlinkMessageWriter(type, flags, seq)
        .u8(family).u8(prefixLength).u8(headerFlags).u8(RT_SCOPE_UNIVERSE).u32(ifindex);
  }
}
