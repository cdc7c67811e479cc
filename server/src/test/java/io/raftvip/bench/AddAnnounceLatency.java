package io.raftvip.bench;

import io.raftvip.announce.PacketAnnouncer;
import io.raftvip.net.Vip;
import io.raftvip.net.netlink.NativeLibC;
import io.raftvip.net.netlink.NetlinkAddressManager;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;

/**
 * Measures how long a takeover's critical path takes: bind the VIP and send the first
 * announcement. Runs {@code cycles} add+announce+remove cycles in the current network
 * namespace (run it inside a throwaway one: see {@code bench/netlink-latency.sh}) and prints
 * the first (cold) sample and p50/p99 of the rest (warm).
 *
 * <p>Usage: {@code AddAnnounceLatency <interface> [cycles=2000] [vip=10.213.9.100]}
 */
public final class AddAnnounceLatency {

  private AddAnnounceLatency() {
  }

  public static void main(String[] args) throws Exception {
    String iface = args[0];
    int cycles = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    Vip vip = new Vip(InetAddress.getByName(args.length > 2 ? args[2] : "10.213.9.100"), iface);

    long t = System.nanoTime();
    NativeLibC libc = NativeLibC.load();
    long loadNanos = System.nanoTime() - t;
    long[] addAnnounce = new long[cycles];
    long[] remove = new long[cycles];
    long firstAdd = 0;
    try (NetlinkAddressManager addresses = new NetlinkAddressManager(libc);
         PacketAnnouncer announcer = new PacketAnnouncer(libc)) {
      for (int i = 0; i < cycles; i++) {
        long t0 = System.nanoTime();
        addresses.add(vip, Duration.ZERO);
        long tAdd = System.nanoTime();
        announcer.announce(vip);
        long t1 = System.nanoTime();
        if (i == 0) {
          firstAdd = tAdd - t0;
        }
        addresses.remove(vip);
        remove[i] = System.nanoTime() - t1;
        addAnnounce[i] = t1 - t0;
      }
    }
    System.out.printf("libc load (once per JVM): %.1f ms%n", loadNanos / 1e6);
    System.out.printf("add+first announce, cold (first cycle): %.1f us (add %.1f us, announce %.1f us)%n",
        addAnnounce[0] / 1e3, firstAdd / 1e3, (addAnnounce[0] - firstAdd) / 1e3);
    long[] warm = Arrays.copyOfRange(addAnnounce, 1, cycles);
    long[] warmRemove = Arrays.copyOfRange(remove, 1, cycles);
    System.out.printf("add+first announce, warm (%d cycles): p50 %.1f us, p99 %.1f us, max %.1f us%n",
        warm.length, pct(warm, 50) / 1e3, pct(warm, 99) / 1e3, pct(warm, 100) / 1e3);
    System.out.printf("remove, warm: p50 %.1f us, p99 %.1f us%n", pct(warmRemove, 50) / 1e3, pct(warmRemove, 99) / 1e3);
  }

  private static long pct(long[] samples, int p) {
    long[] s = samples.clone();
    Arrays.sort(s);
    int idx = (int) Math.ceil(p / 100.0 * s.length) - 1;
    return s[Math.max(0, Math.min(s.length - 1, idx))];
  }
}
