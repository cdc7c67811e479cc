package io.raftvip.net.netlink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.raftvip.net.NetworkException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ErrnoTest {

  @Test
  void namesAndDescriptions() {
    assertEquals("EPERM", Errno.name(1));
    assertEquals("ENOENT", Errno.name(2));
    assertEquals("EEXIST", Errno.name(17));
    assertEquals("ENODEV", Errno.name(19));
    assertEquals("EADDRNOTAVAIL", Errno.name(99));
    assertEquals("ENOBUFS", Errno.name(105));
    assertEquals("EAFNOSUPPORT", Errno.name(97));
    assertEquals("EBUSY", Errno.name(16));
    assertEquals("EINVAL (Invalid argument)", Errno.describe(22));
    assertEquals("errno 4242", Errno.describe(4242));
  }

  @Test
  void failure_namesOperationAndErrno() {
    NetworkException e = Errno.failure("RTM_NEWADDR 10.4.0.9/32 dev end0", Errno.ENODEV, "CAP_NET_ADMIN");
    assertEquals("RTM_NEWADDR 10.4.0.9/32 dev end0: ENODEV (No such device)", e.getMessage());
    assertEquals(Errno.ENODEV, e.errno());
  }

  @Test
  void permissionFailures_nameTheCapability() {
    assertEquals("RTM_NEWADDR 10.4.0.9/32 dev end0: EPERM (Operation not permitted); this needs CAP_NET_ADMIN"
            + " (run as root or grant it, e.g. AmbientCapabilities=CAP_NET_ADMIN in the systemd unit)",
        Errno.failure("RTM_NEWADDR 10.4.0.9/32 dev end0", Errno.EPERM, "CAP_NET_ADMIN").getMessage());
    assertEquals("socket(AF_PACKET, SOCK_RAW, 0): EACCES (Permission denied); this needs CAP_NET_RAW"
            + " (run as root or grant it, e.g. AmbientCapabilities=CAP_NET_RAW in the systemd unit)",
        Errno.failure("socket(AF_PACKET, SOCK_RAW, 0)", Errno.EACCES, "CAP_NET_RAW").getMessage());
  }

  @Test
  void kernelText_isAppended() {
    assertEquals("RTM_NEWADDR x: EINVAL (Invalid argument) [kernel: Invalid prefix length]",
        Errno.failure("RTM_NEWADDR x", Errno.EINVAL, "CAP_NET_ADMIN", "Invalid prefix length").getMessage());
  }
}
