package io.raftvip.daemon;

import io.raftvip.admin.AllowList;
import io.raftvip.cluster.ClusterObserver;
import io.raftvip.cluster.EventStream;
import io.raftvip.cluster.StatusAssembler;
import io.raftvip.config.HealthConfig;
import io.raftvip.config.RaftvipConfig;
import io.raftvip.logging.LogLevels;
import io.raftvip.metrics.RaftvipMetrics;
import io.raftvip.net.Vip;
import io.raftvip.proto.v1.EventType;
import io.raftvip.reload.AllowListSection;
import io.raftvip.reload.ConfigReloader;
import io.raftvip.reload.ConfigSource;
import io.raftvip.reload.HealthSection;
import io.raftvip.reload.LoggingSection;
import io.raftvip.reload.ReloadStatus;
import io.raftvip.reload.VipSection;
import io.raftvip.tls.NodeTls;
import io.raftvip.vip.OwnershipLoop;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Wires live reload into a starting daemon: which sections a reload applies and who hears the
 * outcome (status, watch events, metrics). SIGHUP can arrive before the daemon has finished
 * starting; such a request is kept and carried out once it has.
 */
final class LiveReload {

  /**
   * The running parts a reload changes or reports to.
   *
   * @param vipsInUse told the VIP list the daemon releases at stop
   * @param healthChecks replaces the running health checks (a changed section); unused without
   *     health checks, which a reload cannot turn on
   */
  record Targets(OwnershipLoop loop, AllowList allow, StatusAssembler assembler, EventStream events,
                 ClusterObserver observer, MetricsBridge metricsBridge, RaftvipMetrics metrics,
                 Consumer<List<Vip>> vipsInUse, Consumer<HealthConfig> healthChecks) {
  }

  private final String file;
  private final ConfigSource source;
  private final LogLevels levels;
  private final AtomicBoolean early = new AtomicBoolean();
  private volatile ConfigReloader reloader;

  /**
   * @param file the configuration file, for messages
   * @param source reads it with the start-up rules
   * @param levels the log levels the daemon applied at start
   */
  LiveReload(String file, ConfigSource source, LogLevels levels) {
    this.file = file;
    this.source = source;
    this.levels = levels;
  }

  /** The SIGHUP handler: queues a reload, or keeps the request until the daemon has started. */
  void onHangup() {
    final ConfigReloader r = reloader;
    if (r == null) {
      early.set(true);
    } else {
      r.request();
    }
  }

  /** @return the reloader of the started daemon, which now takes reload requests */
  ConfigReloader start(RaftvipConfig config, NodeTls tls, Targets t) {
    final ConfigReloader r = new ConfigReloader(config, file, source, tls, Clock.systemUTC());
    r.addSection(new LoggingSection(levels, config.logging()));
    r.addSection(new AllowListSection(t.allow()));
    r.addSection(new VipSection(t.loop(), List.of(t.assembler()::replaceVips, t.metricsBridge()::replaceVips,
        t.vipsInUse())));
    r.addSection(new HealthSection(t.healthChecks()));
    final ReloadStatus status = new ReloadStatus();
    t.assembler().addSection(status::addTo);
    r.addListener(status);
    r.addListener(o -> t.metrics().configReloaded(o.result().label()));
    r.addListener(o -> t.events().announce(t.observer().current(), EventType.EVENT_CONFIG_RELOADED,
        "configuration reload " + o.result().label() + ": " + o.message()));
    reloader = r;
    if (early.getAndSet(false)) {
      r.request();
    }
    return r;
  }
}
