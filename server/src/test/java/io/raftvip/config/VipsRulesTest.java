package io.raftvip.config;

import static io.raftvip.config.TestYaml.config;
import static io.raftvip.config.TestYaml.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.raftvip.net.Vip;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class VipsRulesTest {

  static Stream<Arguments> brokenVips() {
    return Stream.of(
        Arguments.of(config("-vips"),
            "vips: is required (the virtual IPs, e.g. - { address: 10.4.0.9, interface: end0 })"),
        Arguments.of(config("vips: []"),
            "vips: is empty; it must list at least one VIP, e.g. - { address: 10.4.0.9,"
                + " interface: end0 }"),
        Arguments.of(config("vips:\n  - { address: 10.0.0.9, interface: eth0 }"),
            "vips[0].interface: 'eth0' not found; this host has: lo, end0"),
        Arguments.of(config("vips:\n  - { address: 10.0.0.9 }"),
            "vips[0].interface: is required (the interface to bind the VIP on, e.g. end0)"),
        Arguments.of(config("vips:\n  - { interface: end0 }"),
            "vips[0].address: is required (the virtual IP, e.g. 10.4.0.9)"),
        Arguments.of(config("vips:\n  - { address: 10.0.0.9, interface: end0 }\n"
                + "  - { address: 10.0.0.9, interface: lo }"),
            "vips[1].address: '10.0.0.9' is used twice (also vips[0].address); each VIP may"
                + " appear once"),
        Arguments.of(config("vips:\n  - { address: 10.0.0.9/24, interface: end0 }"),
            "vips[0].address: '10.0.0.9/24' must not have a prefix length: a VIP is always bound"
                + " as /32 (IPv6: /128); write 10.0.0.9"),
        Arguments.of(config("vips:\n  - { address: vip.example, interface: end0 }"),
            "vips[0].address: 'vip.example' is not an IPv4 or IPv6 address (host names are not"
                + " accepted here)"),
        Arguments.of(config("vips:\n  - { address: 10.0.0.300, interface: end0 }"),
            "vips[0].address: '10.0.0.300' is not an IPv4 address: 300 is over 255"),
        Arguments.of(config("vips:\n  - { address: 10.0.0.09, interface: end0 }"),
            "vips[0].address: '10.0.0.09' has a leading zero in '09' (ambiguous: octal or"
                + " decimal?)"),
        Arguments.of(config("vips:\n  - { address: 'fd00::g', interface: end0 }"),
            "vips[0].address: 'fd00::g' is not an IPv4 or IPv6 address (host names are not"
                + " accepted here)"),
        Arguments.of(config("vips:\n  - { address: 'fe80::1%end0', interface: end0 }"),
            "vips[0].address: 'fe80::1%end0' has a zone index; write the address alone"),
        Arguments.of(config("vips:\n  - { address: '::ffff:10.0.0.9', interface: end0 }"),
            "vips[0].address: '::ffff:10.0.0.9' is an IPv4-mapped IPv6 address; write 10.0.0.9"),
        Arguments.of(config("vips:\n  - { address: 127.0.0.9, interface: lo }"),
            "vips[0].address: '127.0.0.9' is an unspecified, loopback, multicast or broadcast"
                + " address; a VIP must be a unicast address other hosts can reach"),
        Arguments.of(config("vips:\n  - { address: 224.0.0.18, interface: end0 }"),
            "vips[0].address: '224.0.0.18' is an unspecified, loopback, multicast or broadcast"
                + " address; a VIP must be a unicast address other hosts can reach"),
        Arguments.of(config("vips:\n  - { address: 10.0.0.9, interface: end0:1 }"),
            "vips[0].interface: 'end0:1' is not a Linux interface name (1-15 characters, no '/',"
                + " ':' or spaces)"),
        Arguments.of(config("vips:\n  - { address: 10.0.0.9, interface: abcdefghijklmnop }"),
            "vips[0].interface: 'abcdefghijklmnop' is not a Linux interface name (1-15"
                + " characters, no '/', ':' or spaces)"));
  }

  @ParameterizedTest
  @MethodSource("brokenVips")
  void brokenVips_areReportedWithKeyValueAndRule(String yaml, String expected) {
    assertEquals(List.of(expected), problems(yaml));
  }

  @Test
  void misspelledInterfaceKey_isUnknownAndInterfaceMissing() {
    assertEquals(List.of("unknown key 'iface' at vips[0]; allowed here: address, interface",
            "vips[0].interface: is required (the interface to bind the VIP on, e.g. end0)"),
        problems(config("vips:\n  - { address: 10.0.0.9, iface: end0 }")));
  }

  @Test
  void vips_ipv4AndIpv6_becomeNetworkVips() throws Exception {
    RaftvipConfig c = TestYaml.parse(config("vips:\n  - { address: 10.0.0.9, interface: end0 }\n"
        + "  - { address: fd00::9, interface: end0 }"));
    assertEquals(List.of(new Vip(InetAddress.getByName("10.0.0.9"), "end0"),
            new Vip(InetAddress.getByName("fd00::9"), "end0")),
        c.vips().stream().map(VipConfig::toVip).toList());
  }

  @Test
  void ipv6Vip_onAnInterfaceWithIpv6Disabled_isRefusedNamingTheSysctl() {
    InterfaceChecker noIpv6OnEnd0 = new InterfaceChecker() {
      @Override public List<String> existingInterfaces() {
        return List.of("lo", "end0");
      }
      @Override public String ipv6Unavailable(String name) {
        return name.equals("end0") ? "IPv6 is disabled on 'end0' (net.ipv6.conf.end0.disable_ipv6 = 1)" : null;
      }
    };
    ConfigException e = assertThrows(ConfigException.class, () -> new ConfigLoader(noIpv6OnEnd0).parse(
        config("vips:\n  - { address: 10.0.0.9, interface: end0 }\n  - { address: 'fd00:0:0::9', interface: end0 }"),
        "t"));
    assertEquals(List.of("vips[1].interface: IPv6 is disabled on 'end0' (net.ipv6.conf.end0.disable_ipv6 = 1),"
        + " so the IPv6 VIP fd00::9 cannot be bound there; enable IPv6 on it or remove this VIP"), e.problems());
  }

  @Test
  void interfaces_areListedOnce_andOnlyWhenNeeded() throws ConfigException {
    AtomicInteger calls = new AtomicInteger();
    InterfaceChecker counting = () -> {
      calls.incrementAndGet();
      return List.of("end0", "lo");
    };
    new ConfigLoader(counting).parse(config("vips:\n  - { address: 10.0.0.9, interface: end0 }\n"
        + "  - { address: 10.0.0.10, interface: lo }"), "t");
    assertEquals(1, calls.get());
  }

  @Test
  void interfaceListingFailure_isAProblemNotACrash() {
    InterfaceChecker broken = () -> {
      throw new UncheckedIOException(new IOException("/proc/net/dev: Permission denied"));
    };
    ConfigException e = assertThrows(ConfigException.class,
        () -> new ConfigLoader(broken).parse(config(), "t"));
    assertEquals(List.of("vips[0].interface: cannot check 'end0': cannot list network interfaces:"
        + " /proc/net/dev: Permission denied"), e.problems());
  }
}
