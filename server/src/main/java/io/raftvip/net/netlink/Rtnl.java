package io.raftvip.net.netlink;

/**
 * Numbers from the Linux uapi headers ({@code linux/netlink.h}, {@code linux/rtnetlink.h},
 * {@code linux/if_addr.h}, {@code linux/socket.h}) that the codec and sockets use.
 */
final class Rtnl {

  static final int AF_UNSPEC = 0;
  static final int AF_INET = 2;
  static final int AF_INET6 = 10;
  static final int AF_NETLINK = 16;
  static final int SOCK_RAW = 3;
  static final int SOCK_CLOEXEC = 0x80000;
  static final int NETLINK_ROUTE = 0;

  static final int SOL_SOCKET = 1;
  static final int SO_RCVBUF = 8;
  static final int SOL_NETLINK = 270;
  static final int NETLINK_CAP_ACK = 10;
  static final int NETLINK_EXT_ACK = 11;

  static final int NLMSG_HDRLEN = 16;
  static final int NLMSG_NOOP = 1;
  static final int NLMSG_ERROR = 2;
  static final int NLMSG_DONE = 3;
  static final int NLMSG_OVERRUN = 4;

  static final int NLM_F_REQUEST = 0x1;
  static final int NLM_F_MULTI = 0x2;
  static final int NLM_F_ACK = 0x4;
  static final int NLM_F_DUMP_INTR = 0x10;
  static final int NLM_F_DUMP = 0x300;
  static final int NLM_F_REPLACE = 0x100;
  static final int NLM_F_EXCL = 0x200;
  static final int NLM_F_CREATE = 0x400;
  /** On NLMSG_ERROR: the original request's payload was not echoed. */
  static final int NLM_F_CAPPED = 0x100;
  /** On NLMSG_ERROR: extended-ack attributes follow. */
  static final int NLM_F_ACK_TLVS = 0x200;
  static final int NLMSGERR_ATTR_MSG = 1;

  static final int RTM_NEWLINK = 16;
  static final int RTM_GETLINK = 18;
  static final int RTM_NEWADDR = 20;
  static final int RTM_DELADDR = 21;
  static final int RTM_GETADDR = 22;

  static final int IFINFOMSG_LEN = 16;
  static final int IFLA_IFNAME = 3;

  static final int IFADDRMSG_LEN = 8;
  static final int IFA_ADDRESS = 1;
  static final int IFA_LOCAL = 2;
  static final int IFA_LABEL = 3;
  static final int IFA_CACHEINFO = 6;
  static final int IFA_FLAGS = 8;
  static final int IFA_PROTO = 11;

  static final int IFA_F_NODAD = 0x02;
  static final int IFA_F_DEPRECATED = 0x20;
  static final int IFA_F_PERMANENT = 0x80;
  static final int IFA_F_NOPREFIXROUTE = 0x200;

  /** Lifetime value the kernel reads as "forever". */
  static final long INFINITY_LIFE_TIME = 0xFFFFFFFFL;

  /** Multicast group bits for bind(): RTNLGRP_IPV4_IFADDR (5) and RTNLGRP_IPV6_IFADDR (9). */
  static final int RTMGRP_IPV4_IFADDR = 1 << (5 - 1);
  static final int RTMGRP_IPV6_IFADDR = 1 << (9 - 1);

  private Rtnl() {
  }

  static int align(int len) {
    return (len + 3) & ~3;
  }

  static String typeName(int type) {
    return switch (type) {
      case RTM_NEWADDR -> "RTM_NEWADDR";
      case RTM_DELADDR -> "RTM_DELADDR";
      case RTM_GETADDR -> "RTM_GETADDR";
      case RTM_GETLINK -> "RTM_GETLINK";
      case RTM_NEWLINK -> "RTM_NEWLINK";
      default -> "nlmsg type " + type;
    };
  }
}
