package io.raftvip.net;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A VIP's text forms: what logs, the status and metric labels show. */
@Timeout(10)
class VipTest {

  @ParameterizedTest
  @CsvSource({"fd00:213:7:0:0:0:0:100,fd00:213:7::100", "2001:db8:0:0:1:0:0:1,2001:db8::1:0:0:1",
      "fd00:0:0:1:2:3:4:0,fd00::1:2:3:4:0", "1:0:2:0:3:0:4:0,1:0:2:0:3:0:4:0", "FE80::ABCD,fe80::abcd",
      "10.4.0.9,10.4.0.9"})
  void addressText_isTheShortFormOperatorsWrite(String literal, String expected) throws Exception {
    final Vip vip = new Vip(InetAddress.getByName(literal), "end0");
    assertEquals(expected, vip.addressText());
    assertEquals(expected, AddressText.format(InetAddress.getByName(literal)));
  }

  @Test
  void toString_namesAddressPrefixAndInterface_inTheShortForm() throws Exception {
    assertEquals("fd00::9/128 dev end0", new Vip(InetAddress.getByName("fd00:0:0:0:0:0:0:9"), "end0").toString());
    assertEquals("10.4.0.9/32 dev end0", new Vip(InetAddress.getByName("10.4.0.9"), "end0").toString());
  }
}
