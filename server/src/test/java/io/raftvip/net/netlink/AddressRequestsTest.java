package io.raftvip.net.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.nio.ByteOrder;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exact bytes of the requests we send (little-endian hosts: x86-64, arm64). */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AddressRequestsTest {

  @BeforeEach
  void littleEndian() {
    assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "layouts below are little-endian");
  }

  @Test
  void addIpv4_withProtoAndFiniteLifetime() throws Exception {
    byte[] msg = AddressRequests.add(7, InetAddress.getByName("10.4.0.9"), 32, 3, 0, null, 0x52, 0, 30);
    assertEquals(Hex.of(Hex.bytes(
        "44000000 1400 0505 07000000 00000000"      // len 68, RTM_NEWADDR, REQUEST|ACK|CREATE|REPLACE, seq 7
            + "02 20 00 00 03000000"                 // AF_INET, /32, flags, scope universe, ifindex 3
            + "0800 0200 0a040009"                   // IFA_LOCAL
            + "0800 0100 0a040009"                   // IFA_ADDRESS
            + "1400 0600 00000000 1e000000 00000000 00000000" // IFA_CACHEINFO preferred 0, valid 30
            + "0500 0b00 52000000")),                // IFA_PROTO 'R' + padding
        Hex.of(msg));
  }

  @Test
  void addIpv4_withLabelAndInfiniteLifetime() throws Exception {
    byte[] msg = AddressRequests.add(1, InetAddress.getByName("10.4.0.9"), 32, 2, 0, "end0:rv", -1,
        Rtnl.INFINITY_LIFE_TIME, Rtnl.INFINITY_LIFE_TIME);
    assertEquals(Hex.of(Hex.bytes(
        "48000000 1400 0505 01000000 00000000"
            + "02 20 00 00 02000000"
            + "0800 0200 0a040009"
            + "0800 0100 0a040009"
            + "0c00 0300 656e64303a727600"            // IFA_LABEL "end0:rv\0"
            + "1400 0600 ffffffff ffffffff 00000000 00000000")),
        Hex.of(msg));
  }

  @Test
  void addIpv6_carriesNodadAndNoprefixrouteFlags() throws Exception {
    byte[] msg = AddressRequests.add(2, InetAddress.getByName("fd00::9"), 128, 4,
        Rtnl.IFA_F_NODAD | Rtnl.IFA_F_NOPREFIXROUTE, null, 0x52, 0, 5);
    assertEquals(Hex.of(Hex.bytes(
        "64000000 1400 0505 02000000 00000000"
            + "0a 80 02 00 04000000"                  // AF_INET6, /128, low byte of flags (NODAD)
            + "1400 0200 fd000000000000000000000000000009"
            + "1400 0100 fd000000000000000000000000000009"
            + "0800 0800 02020000"                    // IFA_FLAGS NODAD|NOPREFIXROUTE
            + "1400 0600 00000000 05000000 00000000 00000000"
            + "0500 0b00 52000000")),
        Hex.of(msg));
  }

  @Test
  void delete_namesAddressAndPrefix() throws Exception {
    byte[] msg = AddressRequests.delete(9, InetAddress.getByName("10.4.0.9"), 32, 3);
    assertEquals(Hex.of(Hex.bytes(
        "28000000 1500 0500 09000000 00000000"      // RTM_DELADDR, REQUEST|ACK
            + "02 20 00 00 03000000"
            + "0800 0200 0a040009"
            + "0800 0100 0a040009")),
        Hex.of(msg));
  }

  @Test
  void dump_requestsEveryFamily() {
    assertEquals("18000000" + "1600" + "0103" + "05000000" + "00000000" + "0000000000000000",
        Hex.of(AddressRequests.dump(5)));
  }

  @Test
  void getLinkByName_carriesIflaIfname() {
    assertEquals(Hex.of(Hex.bytes(
        "2c000000 1200 0500 03000000 00000000"      // RTM_GETLINK, REQUEST|ACK
            + "00 00 0000 00000000 00000000 00000000" // ifinfomsg, index 0
            + "0900 0300 656e643000 000000")),         // IFLA_IFNAME "end0\0" + padding
        Hex.of(LinkMessages.getByName(3, "end0")));
  }
}
