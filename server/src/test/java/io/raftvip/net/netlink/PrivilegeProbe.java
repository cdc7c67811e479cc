package io.raftvip.net.netlink;

import io.raftvip.announce.PacketAnnouncer;
import io.raftvip.net.Vip;
import java.net.InetAddress;
import java.time.Duration;

/**
 * Child-process half of {@link MissingPrivilegeIT}: run without CAP_NET_ADMIN and CAP_NET_RAW,
 * it tries a netlink change and a packet socket and prints each failure message on its own
 * line ({@code NETLINK: ...}, {@code PACKET: ...}).
 */
final class PrivilegeProbe {

  private PrivilegeProbe() {
  }

  public static void main(String[] args) throws Exception {
    NativeLibC libc = NativeLibC.load();
    Vip vip = new Vip(InetAddress.getByName(args[1]), args[0]);
    try (NetlinkAddressManager m = new NetlinkAddressManager(libc)) {
      m.add(vip, Duration.ZERO);
      System.out.println("NETLINK: ok");
    } catch (RuntimeException e) {
      System.out.println("NETLINK: " + e.getMessage());
    }
    try (PacketAnnouncer a = new PacketAnnouncer(libc)) {
      System.out.println("PACKET: ok");
    } catch (RuntimeException e) {
      System.out.println("PACKET: " + e.getMessage());
    }
  }
}
