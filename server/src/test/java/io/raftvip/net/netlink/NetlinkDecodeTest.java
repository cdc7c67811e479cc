package io.raftvip.net.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Decoding kernel messages from known little-endian byte layouts. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NetlinkDecodeTest {

  /** RTM_NEWADDR, multipart, seq 5, port 77: 10.4.0.9/32 on ifindex 3 with every attribute we read. */
  static final String NEWADDR_V4 =
      "60000000 1400 0200 05000000 4d000000"
          + "02 20 80 00 03000000"                        // AF_INET /32 PERMANENT scope 0 ifindex 3
          + "0800 0100 0a040009"                          // IFA_ADDRESS
          + "0800 0200 0a040009"                          // IFA_LOCAL
          + "0c00 0300 656e64303a727600"                  // IFA_LABEL "end0:rv"
          + "0800 0800 80000000"                          // IFA_FLAGS PERMANENT
          + "1400 0600 00000000 1e000000 10000000 20000000" // IFA_CACHEINFO pref 0 valid 30
          + "0500 0b00 52000000"                          // IFA_PROTO 'R'
          + "0800 6300 01020304";                         // unknown attribute 99: skipped

  /** RTM_NEWADDR for fd00::9/128 with only IFA_ADDRESS and a u32 IFA_FLAGS wider than the header's u8. */
  static final String NEWADDR_V6 =
      "34000000 1400 0200 05000000 4d000000"
          + "0a 80 02 00 04000000"
          + "1400 0100 fd000000000000000000000000000009"
          + "0800 0800 02020000";

  static final String DONE = "14000000 0300 0200 05000000 4d000000 00000000";

  @BeforeEach
  void littleEndian() {
    assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "layouts below are little-endian");
  }

  private static List<NetlinkMessage> parse(String hex) {
    byte[] b = Hex.bytes(hex);
    return NetlinkMessage.parseAll(b, b.length);
  }

  @Test
  void newAddressIpv4_everyAttribute() throws Exception {
    NetlinkMessage m = parse(NEWADDR_V4).get(0);
    assertEquals(Rtnl.RTM_NEWADDR, m.type());
    assertEquals(Rtnl.NLM_F_MULTI, m.flags());
    assertEquals(77, m.portId());
    AddressMessage a = AddressMessage.decode(m);
    assertEquals(new AddressMessage(Rtnl.AF_INET, 32, Rtnl.IFA_F_PERMANENT, 0, 3,
        InetAddress.getByName("10.4.0.9"), "end0:rv", 0x52, 0, 30), a);
  }

  @Test
  void newAddressIpv6_flagsFromIfaFlags_absentAttributesMarked() throws Exception {
    AddressMessage a = AddressMessage.decode(parse(NEWADDR_V6).get(0));
    assertEquals(InetAddress.getByName("fd00::9"), a.address());
    assertEquals(128, a.prefixLength());
    assertEquals(Rtnl.IFA_F_NODAD | Rtnl.IFA_F_NOPREFIXROUTE, a.flags());
    assertNull(a.label());
    assertEquals(-1, a.proto());
    assertEquals(-1, a.validLifetime());
  }

  @Test
  void multipartDump_splitsIntoMessagesEndingWithDone() {
    List<NetlinkMessage> all = parse(NEWADDR_V4 + NEWADDR_V6 + DONE);
    assertEquals(List.of(Rtnl.RTM_NEWADDR, Rtnl.RTM_NEWADDR, Rtnl.NLMSG_DONE),
        all.stream().map(NetlinkMessage::type).toList());
    assertEquals(4, AddressMessage.decode(all.get(1)).ifindex());
  }

  @Test
  void errorReply_cappedWithExtendedAck() {
    NetlinkMessage m = parse(
        "38000000 0200 0003 09000000 4d000000"          // NLMSG_ERROR, CAPPED|ACK_TLVS
            + "efffffff"                                 // -17 EEXIST
            + "28000000 1400 0505 09000000 00000000"     // the request's header only
            + "1300 0100 4164647265737320657869737473 00" // NLMSGERR_ATTR_MSG "Address exists"
            + "00").get(0);
    NetlinkError e = NetlinkError.decode(m);
    assertEquals(new NetlinkError(Errno.EEXIST, 9, "Address exists"), e);
    assertEquals("EEXIST (File exists) [kernel: Address exists]", e.describe());
  }

  @Test
  void ackReply_isErrnoZero() {
    NetlinkError e = NetlinkError.decode(parse(
        "24000000 0200 0001 0a000000 4d000000 00000000 28000000 1500 0500 0a000000 00000000").get(0));
    assertEquals(new NetlinkError(0, 10, null), e);
  }

  @Test
  void newLink_nameAndIndex() {
    NetlinkMessage m = parse("2c000000 1000 0000 01000000 00000000"
        + "00 00 0100 02000000 43100100 00000000"   // ifinfomsg index 2
        + "0900 0300 656e643000 000000").get(0);     // IFLA_IFNAME "end0"
    assertEquals(new LinkMessages.Link(2, "end0"), LinkMessages.decode(m));
  }

  @Test
  void truncatedMessage_isRejectedWithOffsets() {
    byte[] b = Hex.bytes(DONE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> NetlinkMessage.parseAll(b, b.length - 2));
    assertEquals("malformed netlink message at offset 0: nlmsg_len 20, datagram 18 bytes", e.getMessage());
  }

  @Test
  void badAttributeLength_isRejected() {
    String bad = "1c000000 1400 0000 01000000 00000000 02 20 00 00 03000000 ff00 0100";
    assertThrows(IllegalArgumentException.class, () -> AddressMessage.decode(parse(bad).get(0)));
  }
}
