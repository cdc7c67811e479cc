package io.raftvip.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.instrumentation.jvm.JvmMetrics;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.time.Duration;

/**
 * The daemon's metrics, in a {@link PrometheusRegistry} of its own (never the static default one,
 * so tests and embedded daemons do not share series). The daemon calls the setters on state
 * transitions; every method is cheap and thread-safe.
 *
 * <p>Series: {@code raftvip_vip_owned{vip}}, {@code raftvip_raft_term}, {@code raftvip_is_leader},
 * {@code raftvip_leader_changes_total}, {@code raftvip_failovers_total},
 * {@code raftvip_last_failover_seconds}, {@code raftvip_announcements_total{vip}},
 * {@code raftvip_lease_losses_total}, {@code raftvip_member_reachable{member}},
 * {@code raftvip_quorum}, {@code raftvip_member_health{member}} (1 healthy, 0 unhealthy, -1
 * unknown), {@code raftvip_health_transitions_total}, {@code raftvip_health_check_up{check}},
 * {@code raftvip_health_check_seconds{check}}, {@code raftvip_bind_failing},
 * {@code raftvip_bind_failures_total{reason}}, {@code raftvip_config_reloads_total{result}},
 * {@code raftvip_config_last_reload_successful}, {@code raftvip_build_info{version}} and the
 * {@code jvm_*} set.
 */
public final class RaftvipMetrics {

  private final PrometheusRegistry registry = new PrometheusRegistry();
  private final Gauge vipOwned = gauge("raftvip_vip_owned",
      "1 while this node holds the VIP on its interface, else 0", "vip");
  private final Gauge term = gauge("raftvip_raft_term", "Current Raft term seen by this node");
  private final Gauge leader = gauge("raftvip_is_leader", "1 while this node is the Raft leader");
  private final Counter leaderChanges = counter("raftvip_leader_changes_total",
      "Times the Raft leader changed as seen by this node");
  private final Counter failovers = counter("raftvip_failovers_total",
      "Times this node took over the VIP after it had been unowned");
  private final Gauge lastFailover = Gauge.builder()
      .name("raftvip_last_failover_seconds")
      .help("How long the VIP was unowned before the most recent takeover by this node")
      .unit(Unit.SECONDS)
      .register(registry);
  private final Counter announcements = counter("raftvip_announcements_total",
      "Gratuitous ARP / unsolicited NA rounds sent for the VIP", "vip");
  private final Counter leaseLosses = counter("raftvip_lease_losses_total",
      "Times this node released the VIP because its leader lease expired");
  private final Gauge memberReachable = gauge("raftvip_member_reachable",
      "1 while the member answers Raft traffic, else 0", "member");
  private final Gauge quorum = gauge("raftvip_quorum",
      "1 while a majority of the group is reachable from this node, else 0");
  private final Gauge memberHealth = gauge("raftvip_member_health",
      "A member's health as replicated through Raft: 1 healthy, 0 unhealthy, -1 unknown", "member");
  private final Counter healthTransitions = counter("raftvip_health_transitions_total",
      "Times this node's own health changed (after rise/fall)");
  private final Gauge checkUp = gauge("raftvip_health_check_up",
      "1 when this node's check passed its last run, else 0", "check");
  private final Gauge checkSeconds = Gauge.builder()
      .name("raftvip_health_check_seconds")
      .help("How long this node's check took on its last run")
      .unit(Unit.SECONDS)
      .labelNames("check")
      .register(registry);
  private final Gauge bindFailing = gauge("raftvip_bind_failing",
      "1 while this node, the leader, should hold the VIP but cannot bind it (see raftvipctl status), else 0");
  private final Counter bindFailures = counter("raftvip_bind_failures_total",
      "Failed attempts to bind the VIP, by errno name (EPERM: the daemon lacks CAP_NET_ADMIN)", "reason");
  private final Counter reloads = counter("raftvip_config_reloads_total",
      "Configuration reloads (SIGHUP) by result: applied, partial (keys needing a restart refused), refused",
      "result");
  private final Gauge lastReloadOk = gauge("raftvip_config_last_reload_successful",
      "1 when the last configuration reload applied the whole file (or none happened yet), else 0");

  /**
   * Registers every series and the JVM metrics.
   *
   * @param version reported as {@code raftvip_build_info{version}}, e.g. the jar's
   *     Implementation-Version; {@code null} becomes {@code "unknown"}
   */
  public RaftvipMetrics(String version) {
    Info.builder()
        .name("raftvip_build_info")
        .help("Always 1; the label carries the raftvip version")
        .labelNames("version")
        .register(registry)
        .setLabelValues(version == null ? "unknown" : version);
    JvmMetrics.builder().register(registry);
    // Present from the first scrape, so a dashboard shows 0 rather than "no data".
    leader.set(0);
    quorum.set(0);
    bindFailing.set(0);
    lastReloadOk.set(1);
    for (String result : new String[] {"applied", "partial", "refused"}) {
      reloads.labelValues(result); // 0 from the first scrape, so rate() and alerts see the series
    }
  }

  /**
   * Counts a configuration reload.
   *
   * @param result {@code applied}, {@code partial} or {@code refused}
   */
  public void configReloaded(String result) {
    reloads.labelValues(result).inc();
    lastReloadOk.set("applied".equals(result) ? 1 : 0);
  }

  /** Drops the series of a VIP a reload removed, so it does not linger as 0. */
  public void forgetVip(String vip) {
    vipOwned.remove(vip);
  }

  /** Records whether this node currently holds {@code vip} (e.g. {@code "10.4.0.9"}). */
  public void setOwned(String vip, boolean owned) {
    vipOwned.labelValues(vip).set(owned ? 1 : 0);
  }

  /** Records the current Raft term. */
  public void setTerm(long raftTerm) {
    term.set(raftTerm);
  }

  /** Records whether this node is the Raft leader. */
  public void setLeader(boolean isLeader) {
    leader.set(isLeader ? 1 : 0);
  }

  /** Counts one change of Raft leader (including to "no leader"). */
  public void leaderChanged() {
    leaderChanges.inc();
  }

  /** Counts a takeover of the VIP by this node and records how long it was unowned. */
  public void failover(Duration unowned) {
    failovers.inc();
    lastFailover.set(unowned.toNanos() / 1e9);
  }

  /** Counts one announcement round (GARP / NA) for {@code vip}. */
  public void announced(String vip) {
    announcements.labelValues(vip).inc();
  }

  /** Counts one release of the VIP caused by an expired leader lease. */
  public void leaseLost() {
    leaseLosses.inc();
  }

  /** Records whether member {@code id} is reachable. */
  public void setMemberReachable(String id, boolean reachable) {
    memberReachable.labelValues(id).set(reachable ? 1 : 0);
  }

  /** Drops a member's reachability series (known only on the leader; absent elsewhere, not "down"). */
  public void forgetReachability(String id) {
    memberReachable.remove(id);
  }

  /** Drops the series of a member removed from the group, so it does not linger as 0. */
  public void forgetMember(String id) {
    memberReachable.remove(id);
    memberHealth.remove(id);
  }

  /** Records member {@code id}'s replicated health: 1 healthy, 0 unhealthy, -1 unknown. */
  public void setMemberHealth(String id, int health) {
    memberHealth.labelValues(id).set(health);
  }

  /** Counts one change of this node's own health. */
  public void healthChanged() {
    healthTransitions.inc();
  }

  /** Records one run of this node's check {@code check}. */
  public void checkRan(String check, boolean up, Duration took) {
    checkUp.labelValues(check).set(up ? 1 : 0);
    checkSeconds.labelValues(check).set(took.toNanos() / 1e9);
  }

  /** Records whether this node sees a quorum. */
  public void setQuorum(boolean hasQuorum) {
    quorum.set(hasQuorum ? 1 : 0);
  }

  /** Records whether this node, the leader, is failing to bind the VIP. */
  public void setBindFailing(boolean failing) {
    bindFailing.set(failing ? 1 : 0);
  }

  /**
   * Counts one failed attempt to bind the VIP.
   *
   * @param reason the errno's name, e.g. "EPERM"; "" becomes "other"
   */
  public void bindFailed(String reason) {
    bindFailures.labelValues(reason.isEmpty() ? "other" : reason).inc();
  }

  /** The registry holding these series; for {@link MetricsServer} and tests. */
  PrometheusRegistry registry() {
    return registry;
  }

  private Gauge gauge(String name, String help, String... labels) {
    return Gauge.builder().name(name).help(help).labelNames(labels).register(registry);
  }

  private Counter counter(String name, String help, String... labels) {
    return Counter.builder().name(name).help(help).labelNames(labels).register(registry);
  }
}
