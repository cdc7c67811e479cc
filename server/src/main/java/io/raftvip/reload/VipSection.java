package io.raftvip.reload;

import io.raftvip.config.ConfigDiff;
import io.raftvip.config.RaftvipConfig;
import io.raftvip.config.VipConfig;
import io.raftvip.net.Vip;
import io.raftvip.vip.AnnouncementSettings;
import io.raftvip.vip.OwnershipLoop;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * {@code vips} and {@code announce}: the ownership loop takes the new list (an owner binds and
 * announces the added VIPs, everyone releases the removed ones, all VIPs or none), then whoever
 * shows the VIPs (status, metrics, the clean-up at stop) is told.
 */
public final class VipSection implements LiveSection {

  /** The loop acts within milliseconds; this only bounds a loop that is stuck. */
  private static final long LOOP_TIMEOUT_MS = 5_000;

  private final OwnershipLoop loop;
  private final List<Consumer<List<Vip>>> observers;

  /**
   * @param loop the running ownership loop
   * @param observers told the new list once the loop has it
   */
  public VipSection(OwnershipLoop loop, List<Consumer<List<Vip>>> observers) {
    this.loop = loop;
    this.observers = new ArrayList<>(observers);
  }

  @Override
  public String keys() {
    return "vips, announce";
  }

  @Override
  public String apply(ConfigDiff diff, RaftvipConfig next) {
    if (!diff.changed("vips") && !diff.changed("announce")) {
      return "";
    }
    final List<Vip> vips = next.vips().stream().map(VipConfig::toVip).toList();
    final var a = next.announce();
    try {
      loop.replaceVips(vips, new AnnouncementSettings(a.repeat(), a.interval(), a.refresh()))
          .get(LOOP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the ownership loop took the new VIPs", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the ownership loop did not take the new VIPs: " + e, e);
    }
    observers.forEach(o -> o.accept(vips));
    final List<String> what = new ArrayList<>();
    diff.change("vips").ifPresent(c -> what.add(c.toString()));
    diff.change("announce").ifPresent(c -> what.add(c.toString()));
    return String.join("; ", what);
  }
}
