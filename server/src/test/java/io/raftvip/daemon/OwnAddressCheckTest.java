package io.raftvip.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.raftvip.config.PeerConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code raftvip check}'s warning when this node's Raft address is not one of this host's. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class OwnAddressCheckTest {

  private static InetAddress ip(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  private static final List<InetAddress> HERE = List.of(ip("127.0.0.1"), ip("10.4.0.11"), ip("::1"), ip("fd00::11"));

  private final OwnAddressCheck check = new OwnAddressCheck(() -> HERE, host -> {
    if (host.equals("allyrion.lan")) {
      return List.of(ip("10.4.0.10"));
    }
    if (host.equals("bettley.lan")) {
      return List.of(ip("10.4.0.11"));
    }
    if (host.contains(":") || host.matches("[0-9.]+")) {
      return List.of(ip(host));
    }
    throw new UnknownHostException(host);
  });

  @Test
  void anAddressOfThisHost_noWarning() {
    assertEquals(Optional.empty(), check.warning(new PeerConfig("bettley", "10.4.0.11", 7420, 0)));
    assertEquals(Optional.empty(), check.warning(new PeerConfig("bettley", "fd00::11", 7420, 0)));
    assertEquals(Optional.empty(), check.warning(new PeerConfig("bettley", "bettley.lan", 7420, 0)));
  }

  @Test
  void anotherHostsAddress_warnsListingThisHostsAddresses() {
    assertEquals(Optional.of("this node's Raft address 10.4.0.10:7420 (its peers entry, id allyrion) is not an"
        + " address of this host, so the daemon could not listen on it; this host has 127.0.0.1, 10.4.0.11, ::1,"
        + " fd00::11 (fine if this file is meant for another host)"),
        check.warning(new PeerConfig("allyrion", "10.4.0.10", 7420, 0)));
  }

  @Test
  void aNameOfAnotherHost_saysWhatItResolvesTo() {
    assertEquals(Optional.of("this node's Raft address allyrion.lan:7420 (10.4.0.10) (its peers entry, id allyrion)"
        + " is not an address of this host, so the daemon could not listen on it; this host has 127.0.0.1,"
        + " 10.4.0.11, ::1, fd00::11 (fine if this file is meant for another host)"),
        check.warning(new PeerConfig("allyrion", "allyrion.lan", 7420, 0)));
  }

  @Test
  void aNameThatDoesNotResolve_saysSo() {
    assertEquals(Optional.of("this node's Raft address nowhere.lan:7420 (its peers entry, id allyrion) does not"
        + " resolve here, so the daemon could not listen on it; this host has 127.0.0.1, 10.4.0.11, ::1, fd00::11"
        + " (fine if this file is meant for another host)"),
        check.warning(new PeerConfig("allyrion", "nowhere.lan", 7420, 0)));
  }

  @Test
  void ipv6_isWrittenCompressed() {
    assertEquals("fe80::fc:ff:fe00:1", OwnAddressCheck.text(ip("fe80:0:0:0:fc:ff:fe00:1")));
    assertEquals("fd00::1:0:0:2", OwnAddressCheck.text(ip("fd00:0:0:0:1:0:0:2")));
    assertEquals("::", OwnAddressCheck.text(ip("::")));
    assertEquals("1:0:2:0:3:0:4:0", OwnAddressCheck.text(ip("1:0:2:0:3:0:4:0")));
  }
}
