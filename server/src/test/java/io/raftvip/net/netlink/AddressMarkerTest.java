package io.raftvip.net.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.raftvip.net.Vip;
import java.net.InetAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class AddressMarkerTest {

  private static AddressMessage addr(String ip, int prefix, int flags, String label, int proto) throws Exception {
    InetAddress a = InetAddress.getByName(ip);
    return new AddressMessage(a.getAddress().length == 4 ? 2 : 10, prefix, flags, 0, 3, a, label, proto, -1, -1);
  }

  @Test
  void kernelRelease_decidesProto() {
    assertTrue(AddressMarker.forKernelRelease("6.1.0-13-arm64").protoSupported());
    assertTrue(AddressMarker.forKernelRelease("6.18.44-fc\n").protoSupported());
    assertTrue(AddressMarker.forKernelRelease("7.0").protoSupported());
    assertFalse(AddressMarker.forKernelRelease("6.0.19").protoSupported());
    assertFalse(AddressMarker.forKernelRelease("5.15.0-91-generic").protoSupported());
    assertFalse(AddressMarker.forKernelRelease("garbage").protoSupported());
  }

  @Test
  void protoKernel_tagsWithProtoOnly() throws Exception {
    AddressMarker m = new AddressMarker(true);
    Vip v4 = new Vip(InetAddress.getByName("10.4.0.9"), "end0");
    assertEquals(0x52, m.proto());
    assertNull(m.label(v4));
    assertTrue(m.isOurs(addr("10.4.0.9", 32, 0, "end0", 0x52)));
    assertFalse(m.isOurs(addr("10.4.0.9", 32, 0, "end0:rv", -1)));
    assertFalse(m.isOurs(addr("fd00::9", 128, AddressMarker.IPV6_FLAGS, null, -1)));
  }

  @Test
  void oldKernel_ipv4Label_truncatesLongInterfaceNames() throws Exception {
    AddressMarker m = new AddressMarker(false);
    assertEquals(-1, m.proto());
    assertEquals("end0:rv", m.label(new Vip(InetAddress.getByName("10.4.0.9"), "end0")));
    String label = m.label(new Vip(InetAddress.getByName("10.4.0.9"), "enx00e04c680001"));
    assertEquals("enx00e04c680:rv", label);
    assertEquals(15, label.length());
    assertNull(m.label(new Vip(InetAddress.getByName("fd00::9"), "end0")));
    assertTrue(m.isOurs(addr("10.4.0.9", 32, 0, "end0:rv", -1)));
    assertFalse(m.isOurs(addr("10.4.0.9", 32, 0, "end0", -1)));
  }

  @Test
  void oldKernel_ipv6FallsBackToFlagsAndHostPrefix() throws Exception {
    AddressMarker m = new AddressMarker(false);
    assertTrue(m.isOurs(addr("fd00::9", 128, AddressMarker.IPV6_FLAGS | Rtnl.IFA_F_PERMANENT, null, -1)));
    assertFalse(m.isOurs(addr("fd00::9", 64, AddressMarker.IPV6_FLAGS, null, -1)));
    assertFalse(m.isOurs(addr("fd00::9", 128, Rtnl.IFA_F_NODAD, null, -1)));
    assertEquals(AddressMarker.IPV6_FLAGS, m.flags(new Vip(InetAddress.getByName("fd00::9"), "end0")));
    assertEquals(0, m.flags(new Vip(InetAddress.getByName("10.4.0.9"), "end0")));
  }
}
