package io.raftvip.daemon;

import io.raftvip.net.AddressManager;
import io.raftvip.net.AddressText;
import io.raftvip.net.BoundAddress;
import io.raftvip.net.NetworkException;
import io.raftvip.net.Vip;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes VIPs a previous raftvip process left behind (the kernel keeps addresses after
 * SIGKILL, OOM or a crash): every address carrying our marker, and the configured VIPs.
 * Used at start-up and by {@code raftvip release} (systemd ExecStopPost).
 */
final class StaleVipCleaner {

  private static final Logger LOG = LoggerFactory.getLogger(StaleVipCleaner.class);

  private final String who;
  private final AddressManager addresses;

  StaleVipCleaner(String who, AddressManager addresses) {
    this.who = who;
    this.addresses = addresses;
  }

  /** @return how many addresses were removed */
  int removeStale(List<Vip> configured) {
    int removed = 0;
    for (BoundAddress a : addresses.listOurs()) {
      try {
        addresses.remove(new Vip(a.address(), a.interfaceName()));
        LOG.info("{}: removed stale VIP {}/{} dev {}", who, AddressText.format(a.address()),
            a.prefixLength(), a.interfaceName());
        removed++;
      } catch (NetworkException e) {
        LOG.error("{}: cannot remove stale VIP: {}", who, e.getMessage());
      }
    }
    return removed + removeConfigured(configured);
  }

  /** Removes the configured VIPs where present; @return how many were present */
  int removeConfigured(List<Vip> configured) {
    int removed = 0;
    for (Vip vip : configured) {
      try {
        final boolean present = addresses.list(vip.interfaceName()).stream().anyMatch(a -> a.matches(vip));
        if (present) {
          addresses.remove(vip);
          LOG.info("{}: removed VIP {}", who, vip);
          removed++;
        }
      } catch (NetworkException e) {
        LOG.warn("{}: cannot check or remove {}: {}", who, vip, e.getMessage());
      }
    }
    return removed;
  }
}
