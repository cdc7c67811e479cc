package io.raftvip.vip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.raftvip.net.InterfaceNotFoundException;
import io.raftvip.net.NetworkException;
import io.raftvip.net.Vip;
import io.raftvip.net.netlink.Errno;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every bind failure names what failed, the cause and the fix. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class BindFailureTest {

  private final Vip vip = vip("10.4.0.9", "end0");

  private static Vip vip(String ip, String iface) {
    try {
      return new Vip(InetAddress.getByName(ip), iface);
    } catch (java.net.UnknownHostException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void eperm_saysTheCapabilityIsMissing_andHowToRunIt() {
    final BindFailure f = BindFailure.of(vip, Errno.failure("RTM_NEWADDR " + vip, Errno.EPERM, "CAP_NET_ADMIN"));
    assertEquals("cannot bind 10.4.0.9 on end0: EPERM (Operation not permitted): the daemon lacks CAP_NET_ADMIN;"
        + " run it as the shipped unit does (AmbientCapabilities=CAP_NET_ADMIN CAP_NET_RAW) or as root", f.message());
    assertEquals("EPERM", f.errnoName());
    assertEquals("10.4.0.9", f.vip());
    assertEquals("end0", f.interfaceName());
  }

  @Test
  void eacces_isTheSameMissingCapability() {
    final BindFailure f = BindFailure.of(vip, Errno.failure("RTM_NEWADDR " + vip, Errno.EACCES, "CAP_NET_ADMIN"));
    assertEquals("cannot bind 10.4.0.9 on end0: EACCES (Permission denied): " + BindFailure.CAPABILITY_FIX, f.message());
  }

  @Test
  void missingInterface_listsTheInterfacesThatExist_andTheFix() {
    final BindFailure f = BindFailure.of(vip, new InterfaceNotFoundException("end0", List.of("lo", "eth0")));
    assertEquals("cannot bind 10.4.0.9 on end0: interface 'end0' not found; this host has: lo, eth0; bring the"
        + " interface back, or correct vips[].interface in the configuration and restart raftvip", f.message());
    assertEquals("ENODEV", f.errnoName());
  }

  @Test
  void anyOtherNetlinkError_keepsTheCallAndTheKernelsWords() {
    final BindFailure f = BindFailure.of(vip(("fd00::9"), "end0"),
        Errno.failure("RTM_NEWADDR fd00:0:0:0:0:0:0:9/128 dev end0", Errno.EINVAL, "CAP_NET_ADMIN", "Invalid prefix"));
    assertEquals("cannot bind fd00:0:0:0:0:0:0:9 on end0: RTM_NEWADDR fd00:0:0:0:0:0:0:9/128 dev end0: EINVAL"
        + " (Invalid argument) [kernel: Invalid prefix]; the kernel refused the address, the leader retries every"
        + " second (see its log, and `ip address show dev end0`)", f.message());
    assertEquals("EINVAL", f.errnoName());
  }

  @Test
  void aFailureWithoutErrno_hasNoErrnoName() {
    final BindFailure f = BindFailure.of(vip, new NetworkException("RTM_NEWADDR " + vip + ": no reply from the"
        + " kernel within 2000 ms", 0));
    assertEquals("", f.errnoName());
  }
}
