package io.raftvip.net.netlink;

/** Encodes RTM_GETLINK requests and decodes the interface index and name from RTM_NEWLINK. */
final class LinkMessages {

  /** An interface as RTM_NEWLINK reports it. */
  record Link(int index, String name) {
  }

  private LinkMessages() {
  }

  /** RTM_GETLINK for one interface by name (ifi_index 0 + IFLA_IFNAME); ENODEV when absent. */
  static byte[] getByName(int seq, String name) {
    return header(Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK, seq, 0).attrString(Rtnl.IFLA_IFNAME, name).build();
  }

  /** RTM_GETLINK for one interface by index; ENODEV when absent. */
  static byte[] getByIndex(int seq, int index) {
    return header(Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_ACK, seq, index).build();
  }

  /** RTM_GETLINK dump of every interface. */
  static byte[] dump(int seq) {
    return header(Rtnl.NLM_F_REQUEST | Rtnl.NLM_F_DUMP, seq, 0).build();
  }

  /** Decodes an RTM_NEWLINK body: {@code struct ifinfomsg} (index at offset 4) then IFLA_IFNAME. */
  static Link decode(NetlinkMessage msg) {
    if (msg.type() != Rtnl.RTM_NEWLINK || msg.body().limit() < Rtnl.IFINFOMSG_LEN) {
      throw new IllegalArgumentException("not an RTM_NEWLINK message: type " + msg.type());
    }
    int index = msg.body().getInt(4);
    String name = msg.attributes(Rtnl.IFINFOMSG_LEN).string(Rtnl.IFLA_IFNAME);
    return new Link(index, name == null ? "if" + index : name);
  }

  private static NetlinkMessageWriter header(int flags, int seq, int index) {
    // struct ifinfomsg { u8 family; u8 pad; u16 type; i32 index; u32 flags; u32 change; }
    return new NetlinkMessageWriter(Rtnl.RTM_GETLINK, flags, seq)
        .u8(Rtnl.AF_UNSPEC).u8(0).u16(0).u32(index).u32(0).u32(0);
  }
}
