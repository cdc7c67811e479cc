package io.raftvip.daemon;

import io.raftvip.config.ConfigException;
import io.raftvip.net.Vip;
import io.raftvip.net.netlink.NativeLibC;
import io.raftvip.net.netlink.NetlinkAddressManager;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code raftvip release}: removes every VIP of ours still bound on this host (systemd
 * ExecStopPost). Works even with a broken configuration: tagged addresses are ours regardless.
 */
@Command(name = "release", mixinStandardHelpOptions = true,
    description = "Remove any VIP of ours still bound on this host.")
final class ReleaseCommand implements Callable<Integer> {

  @Mixin
  ConfigOption config;

  @Override
  public Integer call() {
    List<Vip> configured = List.of();
    try {
      configured = config.load().vips().stream().map(v -> v.toVip()).toList();
    } catch (ConfigException e) {
      System.err.println("raftvip: warning: configuration unusable, removing tagged VIPs only:");
      e.problems().forEach(p -> System.err.println("  " + p));
    }
    try (NetlinkAddressManager addresses = new NetlinkAddressManager(NativeLibC.load())) {
      final int removed = new StaleVipCleaner("release", addresses).removeStale(configured);
      System.out.println("raftvip: released " + removed + " VIP address(es)");
      return ExitStatus.OK.code();
    } catch (RuntimeException e) {
      System.err.println("raftvip: release failed: " + e.getMessage());
      return ExitStatus.FAILURE.code();
    }
  }
}
