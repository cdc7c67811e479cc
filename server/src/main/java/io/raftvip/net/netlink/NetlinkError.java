package io.raftvip.net.netlink;

/**
 * The content of an NLMSG_ERROR message: an acknowledgement (errno 0) or a failure, with the
 * kernel's extended-ack text when it sent one (e.g. "Invalid prefix length").
 *
 * @param errno the positive errno, 0 for success
 * @param seq the sequence number of the request this answers
 * @param extackMessage the kernel's explanation, or null
 */
record NetlinkError(int errno, int seq, String extackMessage) {

  /**
   * Decodes the body of an NLMSG_ERROR message: {@code int error; struct nlmsghdr msg;} then the
   * request's payload unless NLM_F_CAPPED, then extended-ack attributes when NLM_F_ACK_TLVS.
   */
  static NetlinkError decode(NetlinkMessage msg) {
    if (msg.type() != Rtnl.NLMSG_ERROR || msg.body().limit() < 4 + Rtnl.NLMSG_HDRLEN) {
      throw new IllegalArgumentException("not an NLMSG_ERROR message: type " + msg.type()
          + ", " + msg.body().limit() + " bytes");
    }
    int error = msg.body().getInt(0);
    int origLen = msg.body().getInt(4);
    String text = null;
    if ((msg.flags() & Rtnl.NLM_F_ACK_TLVS) != 0) {
      int tlvs = 4 + ((msg.flags() & Rtnl.NLM_F_CAPPED) != 0 ? Rtnl.NLMSG_HDRLEN : Rtnl.align(origLen));
      if (tlvs <= msg.body().limit()) {
        text = NetlinkAttributes.parse(msg.body(), tlvs).string(Rtnl.NLMSGERR_ATTR_MSG);
      }
    }
    return new NetlinkError(-error, msg.seq(), text);
  }

  /** @return e.g. {@code "EINVAL (Invalid argument)"} plus the kernel's text when present */
  String describe() {
    String d = Errno.describe(errno);
    return extackMessage == null || extackMessage.isEmpty() ? d : d + " [kernel: " + extackMessage + "]";
  }
}
