package io.raftvip.config;

import static io.raftvip.config.DurationFormat.format;

import java.time.Duration;
import java.util.List;

/**
 * Reads {@code timing} and {@code announce} and enforces the ordering the ownership rule needs:
 * {@code heartbeat < lease < dead-leader-timeout < election-timeout min} (without the dead-leader
 * detection: {@code lease < election-timeout min}). A rule broken only because of a default says
 * so, so the operator knows which key to add.
 */
final class TimingReader {

  private static final List<String> TIMING_KEYS =
      List.of("election-timeout", "heartbeat", "lease", "dead-leader-timeout", "probe-timeout",
          "vip-lifetime", "reconcile");
  private static final List<String> ANNOUNCE_KEYS = List.of("repeat", "interval", "refresh");
  private static final Duration MIN_ELECTION = Duration.ofMillis(20);
  private static final Duration MAX_ELECTION = Duration.ofSeconds(60);
  private static final Duration ONE_SECOND = Duration.ofSeconds(1);

  /** A value and whether it came from the defaults rather than the file. */
  private record Setting(ConfigNode key, Duration value, boolean defaulted) {
    String shown() {
      return format(value) + (defaulted ? " (the default)" : "");
    }

    String inParentheses() {
      return "(" + format(value) + (defaulted ? ", the default)" : ")");
    }
  }

  /** @return the timing, defaults for absent keys; null when invalid (reported) */
  TimingConfig timing(ConfigNode key) {
    TimingConfig d = TimingConfig.defaults();
    if (key.isAbsent()) {
      return d;
    }
    if (!key.mapping(TIMING_KEYS, "{ election-timeout: 600ms..900ms, heartbeat: 40ms }")) {
      return null;
    }
    Duration[] election = electionTimeout(key.child("election-timeout"), d);
    Setting heartbeat = setting(key.child("heartbeat"), d.heartbeat());
    Setting lease = setting(key.child("lease"), d.lease());
    Setting deadLeader = setting(key.child("dead-leader-timeout"), d.deadLeaderTimeout());
    Setting probe = setting(key.child("probe-timeout"), d.probeTimeout());
    Setting lifetime = setting(key.child("vip-lifetime"), d.vipLifetime());
    Setting reconcile = setting(key.child("reconcile"), d.reconcile());
    boolean ok = election != null && heartbeat != null && lease != null && deadLeader != null
        && probe != null && lifetime != null && reconcile != null;
    if (heartbeat != null && !atLeast(heartbeat, Duration.ofMillis(1), "")) {
      ok = false;
    }
    if (probe != null && !within(probe, Duration.ofMillis(1), Duration.ofSeconds(10))) {
      ok = false;
    }
    if (reconcile != null && !within(reconcile, Duration.ofMillis(10), Duration.ofSeconds(10))) {
      ok = false;
    }
    if (!ok) {
      return null;
    }
    Setting electionMin = electionMin(election[0], key);
    ok &= shorter(heartbeat, lease, "timing.lease",
        "the leader keeps its lease by hearing from a majority every heartbeat round");
    if (deadLeader.value().isZero()) {
      ok &= shorter(lease, electionMin, "timing.election-timeout min",
          "an old owner must release the VIP before a new leader can be elected");
    } else {
      ok &= shorter(lease, deadLeader, "timing.dead-leader-timeout",
          "an old owner cut off from the others must release the VIP before they can elect a new"
              + " leader, which they may do this long after its last heartbeat");
      ok &= shorter(deadLeader, electionMin, "timing.election-timeout min",
          "the election timeout is the wait for a leader that is silent but alive (its stall"
              + " tolerance); a leader that is verifiably gone is replaced sooner");
      ok = ok && probeFits(deadLeader, probe, heartbeat); // only once the order above holds
    }
    ok &= vipLifetime(lifetime, election[1], reconcile);
    return ok ? new TimingConfig(election[0], election[1], heartbeat.value(), lease.value(),
        deadLeader.value(), probe.value(), lifetime.value(), reconcile.value()) : null;
  }

  /**
   * Followers probe a silent leader's Raft port from {@code dead-leader-timeout - probe-timeout}
   * on, so the verdict is in when the timeout ends; starting before two heartbeats were missed
   * would probe on every late heartbeat.
   */
  private static boolean probeFits(Setting deadLeader, Setting probe, Setting heartbeat) {
    Duration probeAfter = deadLeader.value().minus(probe.value());
    Duration twoBeats = heartbeat.value().multipliedBy(2);
    if (probeAfter.compareTo(twoBeats) >= 0) {
      return true;
    }
    probe.key().problem(probe.shown() + " is too long for timing.dead-leader-timeout "
        + deadLeader.inParentheses() + ": the leader's port is probed from dead-leader-timeout"
        + " minus probe-timeout (" + format(probeAfter) + ") on, which must be at least two"
        + " heartbeats (" + format(twoBeats) + ") so that one late heartbeat does not trigger a probe");
    return false;
  }

  private static Setting electionMin(Duration electionMin, ConfigNode timingKey) {
    return new Setting(timingKey, electionMin, timingKey.child("election-timeout").isAbsent());
  }

  private static Duration[] electionTimeout(ConfigNode key, TimingConfig defaults) {
    if (key.isAbsent()) {
      return new Duration[] {defaults.electionTimeoutMin(), defaults.electionTimeoutMax()};
    }
    String text = key.string();
    if (text == null) {
      return null;
    }
    int dots = text.indexOf("..");
    if (dots < 0) {
      key.problem("'" + text + "' must be a range MIN..MAX, e.g. 600ms..900ms");
      return null;
    }
    Duration min;
    Duration max;
    try {
      min = DurationFormat.parse(text.substring(0, dots).strip());
      max = DurationFormat.parse(text.substring(dots + 2).strip());
    } catch (IllegalArgumentException e) {
      key.problem("'" + text + "' must be a range MIN..MAX, e.g. 600ms..900ms: " + e.getMessage());
      return null;
    }
    String problem = min.compareTo(MIN_ELECTION) < 0
        ? "min " + format(min) + " must be at least " + format(MIN_ELECTION)
            + " (below that, scheduling jitter alone triggers elections)"
        : max.compareTo(min) <= 0 ? "max " + format(max) + " must be longer than min " + format(min)
            + " (the randomised spread keeps candidates from splitting the vote)"
        : max.compareTo(MAX_ELECTION) > 0 ? "max " + format(max) + " must be at most "
            + format(MAX_ELECTION) + " (failover would take longer than that)"
        : null;
    if (problem != null) {
      key.problem("'" + text + "': " + problem);
      return null;
    }
    return new Duration[] {min, max};
  }

  private static boolean vipLifetime(Setting lifetime, Duration electionMax, Setting reconcile) {
    if (lifetime.value().isZero()) {
      return true;
    }
    if (!atLeast(lifetime, ONE_SECOND, "0 (off) or ")) {
      return false;
    }
    if (lifetime.value().toMillis() % 1000 != 0) {
      lifetime.key().problem(lifetime.shown() + " must be a whole number of seconds:"
          + " the kernel counts address lifetimes in seconds");
      return false;
    }
    Duration floor = electionMax.multipliedBy(3);
    if (lifetime.value().compareTo(floor) <= 0) {
      lifetime.key().problem(lifetime.shown() + " must be longer than 3 x timing.election-timeout"
          + " max (" + format(floor) + ") or 0 (off): it is a backstop for a frozen owner and must"
          + " never expire while a healthy owner renews it");
      return false;
    }
    Duration renewals = reconcile.value().multipliedBy(2);
    if (lifetime.value().compareTo(renewals) <= 0) {
      lifetime.key().problem(lifetime.shown() + " must be longer than 2 x timing.reconcile ("
          + format(renewals) + "): the owner renews the lifetime when it reconciles");
      return false;
    }
    return true;
  }

  /** @return the announce schedule, defaults for absent keys; null when invalid (reported) */
  AnnounceConfig announce(ConfigNode key) {
    AnnounceConfig d = AnnounceConfig.defaults();
    if (key.isAbsent()) {
      return d;
    }
    if (!key.mapping(ANNOUNCE_KEYS, "{ repeat: 3, interval: 1s, refresh: 10s }")) {
      return null;
    }
    ConfigNode repeatKey = key.child("repeat");
    Integer repeat = repeatKey.isAbsent() ? Integer.valueOf(d.repeat())
        : repeatKey.integer(1, 20, "announcements sent right after binding the VIP");
    Setting interval = setting(key.child("interval"), d.interval());
    Setting refresh = setting(key.child("refresh"), d.refresh());
    boolean ok = repeat != null && interval != null && refresh != null;
    ok = ok && within(interval, Duration.ofMillis(10), Duration.ofSeconds(10));
    ok = ok && (refresh.value().isZero() || atLeast(refresh, ONE_SECOND, "0 (off) or "));
    return ok ? new AnnounceConfig(repeat, interval.value(), refresh.value()) : null;
  }

  private static Setting setting(ConfigNode key, Duration fallback) {
    if (key.isAbsent()) {
      return new Setting(key, fallback, true);
    }
    Duration value = key.duration();
    return value == null ? null : new Setting(key, value, false);
  }

  private static boolean shorter(Setting a, Setting b, String bName, String why) {
    if (a.value().compareTo(b.value()) < 0) {
      return true;
    }
    a.key().problem(a.shown() + " must be shorter than " + bName + " " + b.inParentheses() + ": "
        + why);
    return false;
  }

  private static boolean atLeast(Setting s, Duration min, String alternative) {
    if (s.value().compareTo(min) >= 0) {
      return true;
    }
    s.key().problem(s.shown() + " must be " + alternative + "at least " + format(min));
    return false;
  }

  private static boolean within(Setting s, Duration min, Duration max) {
    if (s.value().compareTo(min) >= 0 && s.value().compareTo(max) <= 0) {
      return true;
    }
    s.key().problem(s.shown() + " must be between " + format(min) + " and " + format(max));
    return false;
  }
}
