package io.raftvip.config;

import java.time.Duration;
import java.util.Objects;

/**
 * When the owner announces the VIP (gratuitous ARP, unsolicited Neighbor Advertisements).
 *
 * @param repeat announcements sent right after binding, 1..20
 * @param interval the gap between those, 10ms..10s
 * @param refresh period of later re-announcements; {@link Duration#ZERO} = off
 */
public record AnnounceConfig(int repeat, Duration interval, Duration refresh) {

  public AnnounceConfig {
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(refresh, "refresh");
  }

  /** @return 3 announcements 1s apart, then one every 10s */
  public static AnnounceConfig defaults() {
    return new AnnounceConfig(3, Duration.ofSeconds(1), Duration.ofSeconds(10));
  }
}
