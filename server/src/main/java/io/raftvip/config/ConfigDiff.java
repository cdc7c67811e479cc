package io.raftvip.config;

import static io.raftvip.config.DurationFormat.format;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What differs between the configuration a daemon runs with and a newly read file, key by key,
 * and which differences a running daemon can take on (a reload). Live: {@code vips},
 * {@code announce}, {@code logging}, {@code admin.allow} and the {@code admin.tls} file paths
 * (the files' contents are re-read on every reload anyway), and {@code health} while it stays on
 * (its checks restart with the new settings). Everything else is fixed for the life
 * of the process: the Raft group and this member's identity and address ({@code cluster},
 * {@code node}, {@code peers}, {@code storage}), the listeners ({@code admin.socket},
 * {@code admin.listen}, {@code metrics.listen}), turning TLS or health checks on or off (whether
 * the leader gates ownership on health is decided at start), and {@code timing}, which every
 * member must share.
 *
 * <p>A section added to the configuration is added here too, as live or not; a live one also to
 * {@link #applied()}.
 */
public final class ConfigDiff {

  /**
   * One differing key.
   *
   * @param key the key path, e.g. {@code timing.heartbeat}
   * @param detail the old and new value, e.g. {@code 40ms -> 30ms}
   * @param live whether a running daemon can apply it
   */
  public record Change(String key, String detail, boolean live) {
    @Override
    public String toString() {
      return key + " (" + detail + ")";
    }
  }

  private final RaftvipConfig running;
  private final RaftvipConfig next;
  private final List<Change> changes = new ArrayList<>();

  private ConfigDiff(RaftvipConfig running, RaftvipConfig next) {
    this.running = running;
    this.next = next;
  }

  /** @return the differences from {@code running} to {@code next}, in file order */
  public static ConfigDiff between(RaftvipConfig running, RaftvipConfig next) {
    final ConfigDiff d = new ConfigDiff(running, next);
    d.fixed("cluster", RaftvipConfig::cluster);
    d.fixed("node", RaftvipConfig::node);
    new PeersDiff(running.peers(), next.peers(), running.node()).changes().forEach(c -> d.add(c, false));
    d.live("vips", c -> c.vips().stream().map(v -> IpLiteral.format(v.address()) + " on " + v.interfaceName())
        .collect(Collectors.joining(", ", "[", "]")));
    d.fixed("storage", c -> c.storage().toString());
    d.fixed("admin.socket", c -> c.admin().socket().toString());
    d.fixed("admin.listen", c -> Objects.toString(c.admin().listen(), "off"));
    if ((running.admin().tls() == null) != (next.admin().tls() == null)) {
      d.fixed("admin.tls", c -> c.admin().tls() == null ? "off" : "on");
    } else if (next.admin().tls() != null) {
      d.live("admin.tls.cert", c -> c.admin().tls().cert().toString());
      d.live("admin.tls.key", c -> c.admin().tls().key().toString());
      d.live("admin.tls.ca", c -> c.admin().tls().ca().toString());
    }
    d.live("admin.allow", c -> c.admin().allow().toString());
    d.fixed("metrics.listen", c -> Objects.toString(c.metrics().listen(), "off"));
    d.fixed("timing.election-timeout", c -> format(c.timing().electionTimeoutMin()) + ".."
        + format(c.timing().electionTimeoutMax()));
    d.fixed("timing.heartbeat", c -> format(c.timing().heartbeat()));
    d.fixed("timing.lease", c -> format(c.timing().lease()));
    d.fixed("timing.dead-leader-timeout", c -> format(c.timing().deadLeaderTimeout()));
    d.fixed("timing.probe-timeout", c -> format(c.timing().probeTimeout()));
    d.fixed("timing.vip-lifetime", c -> format(c.timing().vipLifetime()));
    d.fixed("timing.reconcile", c -> format(c.timing().reconcile()));
    d.live("announce", c -> "repeat " + c.announce().repeat() + ", interval " + format(c.announce().interval())
        + ", refresh " + format(c.announce().refresh()));
    d.live("logging", c -> "level " + c.logging().level() + ", loggers " + c.logging().loggers());
    if ((running.health() == null) != (next.health() == null)) {
      d.fixed("health", c -> c.health() == null ? "off" : "on");
    } else {
      d.liveSection("health", c -> health(c.health(), false), c -> health(c.health(), true));
    }
    return d;
  }

  /** @return every differing key */
  public List<Change> changes() {
    return List.copyOf(changes);
  }

  /** @return the differing keys a running daemon applies */
  public List<Change> live() {
    return changes.stream().filter(Change::live).toList();
  }

  /** @return the differing keys that only a restart applies */
  public List<Change> fixed() {
    return changes.stream().filter(c -> !c.live()).toList();
  }

  /** @return whether {@code key} (e.g. {@code vips}) differs */
  public boolean changed(String key) {
    return change(key).isPresent();
  }

  /** @return the change of {@code key}, if it differs */
  public Optional<Change> change(String key) {
    return changes.stream().filter(c -> c.key().equals(key)).findFirst();
  }

  /**
   * @return the running configuration with the new file's live keys: what the daemon runs with
   *     once a reload applied them; its fixed keys stay as they were
   */
  public RaftvipConfig applied() {
    final AdminConfig r = running.admin();
    final boolean tlsStays = (r.tls() == null) == (next.admin().tls() == null);
    final AdminConfig admin = new AdminConfig(r.socket(), r.listen(), tlsStays ? next.admin().tls() : r.tls(),
        next.admin().allow());
    return new RaftvipConfig(running.cluster(), running.node(), running.peers(), next.vips(), running.storage(),
        admin, running.metrics(), running.timing(), next.announce(), next.logging(),
        (running.health() == null) == (next.health() == null) ? next.health() : running.health());
  }

  /** The health section in one line, or all of it ({@code full}) to notice a changed check. */
  private static String health(HealthConfig h, boolean full) {
    if (h == null) {
      return "off";
    }
    if (full) {
      final StringBuilder b = new StringBuilder();
      HealthSectionPrinter.print(b, h);
      return b.toString();
    }
    return "interval " + format(h.interval()) + ", timeout " + format(h.timeout()) + ", fall " + h.fall()
        + ", rise " + h.rise() + ", hold-down " + format(h.holdDown()) + ", preempt " + h.preempt()
        + ", checks " + h.checks().stream().map(CheckConfig::name).toList();
  }

  private void fixed(String key, Function<RaftvipConfig, String> value) {
    compare(key, value, false);
  }

  /** A live key compared on all of {@code compared} but shown by its shorter {@code shown}. */
  private void liveSection(String key, Function<RaftvipConfig, String> shown,
                           Function<RaftvipConfig, String> compared) {
    if (!compared.apply(running).equals(compared.apply(next))) {
      final String before = shown.apply(running);
      final String after = shown.apply(next);
      changes.add(new Change(key, before.equals(after) ? "its checks changed" : before + " -> " + after, true));
    }
  }

  private void live(String key, Function<RaftvipConfig, String> value) {
    compare(key, value, true);
  }

  private void compare(String key, Function<RaftvipConfig, String> value, boolean live) {
    final String before = value.apply(running);
    final String after = value.apply(next);
    if (!before.equals(after)) {
      changes.add(new Change(key, before + " -> " + after, live));
    }
  }

  private void add(Change c, boolean live) {
    changes.add(new Change(c.key(), c.detail(), live));
  }
}
