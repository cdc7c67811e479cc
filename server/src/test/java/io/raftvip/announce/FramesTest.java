package io.raftvip.announce;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Exact bytes of the gratuitous ARP frames and the Neighbor Advertisement. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FramesTest {

  private static final byte[] MAC = HexFormat.of().parseHex("02aabbccddee");

  private static String hex(String spaced) {
    return spaced.replaceAll("\\s+", "");
  }

  @Test
  void garpRequest_targetMacZero() throws Exception {
    byte[] f = ArpFrames.garpRequest(MAC, (Inet4Address) InetAddress.getByName("10.4.0.9"));
    assertEquals(42, f.length);
    assertEquals(hex("ffffffffffff 02aabbccddee 0806"   // broadcast, from us, ARP
            + "0001 0800 06 04 0001"                    // Ethernet/IPv4, request
            + "02aabbccddee 0a040009"                   // sender = us, VIP
            + "000000000000 0a040009"),                 // target MAC zero, VIP
        HexFormat.of().formatHex(f));
  }

  @Test
  void garpReply_targetMacIsOurs() throws Exception {
    byte[] f = ArpFrames.garpReply(MAC, (Inet4Address) InetAddress.getByName("10.4.0.9"));
    assertEquals(hex("ffffffffffff 02aabbccddee 0806 0001 0800 06 04 0002"
            + "02aabbccddee 0a040009 02aabbccddee 0a040009"),
        HexFormat.of().formatHex(f));
  }

  @Test
  void unsolicitedNa_overrideFlagAndTargetLinkLayerOption() throws Exception {
    byte[] na = NeighborAdvertisements.unsolicited((Inet6Address) InetAddress.getByName("fd00::9"), MAC);
    assertEquals(32, na.length);
    assertEquals(hex("88 00 0000"                       // type 136, code 0, checksum left to the kernel
            + "20000000"                                // Override, not Solicited, not Router
            + "fd000000000000000000000000000009"        // target = VIP
            + "02 01 02aabbccddee"),                    // target link-layer address option
        HexFormat.of().formatHex(na));
  }
}
